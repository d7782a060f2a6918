<!DOCTYPE html>
<html lang="ko">
<head>
  <meta charset="utf-8">
  <title>Daily audit digest</title>
</head>
<body>
  <h1>Yesterday's CloudTrail activity</h1>
  <p>Don't reply to this e-mail. Questions go to #audit.</p>
  <?php foreach ($groups as $family => $events): ?>
    <h2><?= htmlspecialchars($family) ?></h2>
    <ul>
      <?php foreach ($events as $event): ?>
        <li class="<?= $event['event_id'] === 'event_id.iaas.instance.delete' ? 'danger' : '' ?>">
          <?= htmlspecialchars($event['event_id']) ?> by <?= htmlspecialchars($event['user']) ?>
        </li>
      <?php endforeach; ?>
    </ul>
  <?php endforeach; ?>
  <?php if (isset($groups['event_id.iaas.keypair.'])): ?>
    <p>Key pairs changed: check event_id.iaas.keypair.create and event_id.iaas.keypair.delte.</p>
  <?php endif; ?>
  <?php
    // Extra highlight for the security team.
    $watch = ['event_id.iaas.security_group_rule.create', 'event_id.iaas.security_group_rule.delete', 'event_id.iaas.security_grup_rule.create'];
    $isWatched = static fn (string $id): bool => in_array($id, $watch, true);
  ?>
  <p>Security-relevant events (event_id.iaas.security_group_rule.*) are also sent to the SIEM.</p>
  <p>It's the network team's job to review event_id.iaas.networkacl.updat and friends.</p>
  <footer>Sent by audit-notifier — <a href="https://audit.example.com/settings?mute=event_id.iaas.image.create">mute image events</a></footer>
</body>
</html>
