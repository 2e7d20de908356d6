import GRDB

/// The schema's migrations, embedded in the binary from `schema/sqlite/` (one file each).
///
/// A migration that has shipped is never edited: add a new file and a new line here.
/// `ReachStoreTests` fails when a file in `schema/sqlite/` is missing from this list.
enum ReachMigrations {
    static let all: [(name: String, sql: [UInt8])] = [
        ("0001_create_schema", PackageResources._001_create_schema_sql),
        ("0002_search_indexes", PackageResources._002_search_indexes_sql),
        ("0003_plans_and_configuration", PackageResources._003_plans_and_configuration_sql),
        ("0004_reach_internal_tables", PackageResources._004_reach_internal_tables_sql),
        ("0005_job_queue_leases", PackageResources._005_job_queue_leases_sql),
        ("0006_indexes_and_search_triggers", PackageResources._006_indexes_and_search_triggers_sql),
        ("0007_token_revocations", PackageResources._007_token_revocations_sql),
        ("0008_provider_settings", PackageResources._008_provider_settings_sql),
        ("0009_test_clock", PackageResources._009_test_clock_sql),
        ("0010_platform_columns", PackageResources._010_platform_columns_sql),
        ("0011_internal_timestamp_checks", PackageResources._011_internal_timestamp_checks_sql),
        ("0012_listener", PackageResources._012_listener_sql),
    ]

    /// `PRAGMA application_id` of a Reach file: "REAC".
    static let applicationID: Int32 = 0x5245_4143

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            let sql = String(decoding: migration.sql, as: UTF8.self)
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }
}
