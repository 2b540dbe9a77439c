package org.backprop.spark;

import org.apache.spark.sql.SparkSession;

/** Test sessions bound to 127.0.0.1 with the UI off. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /** A session on {@code master} (e.g. {@code local[2]}). */
    public static SparkSession start(String master) {
        return SparkSession.builder()
                .master(master)
                .appName("backprop-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
