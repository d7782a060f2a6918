package com.example.audit.jobs

import org.apache.spark.sql.{DataFrame, SparkSession}
import org.apache.spark.sql.functions._

/** Nightly Spark job: counts CloudTrail events per project.
  *
  * Input rows look like {"eventId": "event_id.iaas.vpc.create", ...}.
  */
object AuditJob {
  val NetworkEvents: Seq[String] = Seq(
    "event_id.iaas.vpc.create",
    "event_id.iaas.vpc.delete",
    "event_id.iaas.vpc_subnet.create",
    "event_id.iaas.vpc_subnet.update",
    "event_id.iaas.vpc_subnet_route.delete",
    "event_id.iaas.vpc_subnet_rout.create",
    "event_id.iaas.networkacl_binding.create",
  )

  private val Prefix = "event_id.iaas."

  def resourceEvent(resource: String, action: String): String = s"event_id.iaas.$resource.$action"

  def vpcEvent(action: String): String = s"event_id.iaas.vpc.${action}"

  def run(spark: SparkSession, input: String): DataFrame = {
    val events = spark.read.json(input)
    val query =
      s"""SELECT projectId, eventId, count(*) AS n
         |  FROM events
         | WHERE eventId IN ('event_id.iaas.vpc.update', 'event_id.iaas.vpc.udpate')
         |    OR eventId LIKE '${Prefix}vpc_subnet.%'
         | GROUP BY projectId, eventId""".stripMargin
    events.createOrReplaceTempView("events")
    spark.sql(query)
      .filter(col("eventId").startsWith("event_id.iaas.vpc") || col("eventId").isin(NetworkEvents: _*))
  }

  // 'c' is a char literal; "event_id.iaas.vpc_subnet.attach_routingtable" is still a string
  val sep: Char = '"'
}
