using DisclosurePortal.Data.Search;

namespace DisclosurePortal.Data.Listing;

/// <summary>
/// Issue 20 §3 made a record's catalogue item, domain and stage optional (a record may be filed in a column only).
/// SQLite alters a column by rebuilding its table, which drops the table's triggers; and the triggers must now skip the
/// column-only rows (no item to count under, no domain to index by). This reinstalls the triggers on RecordVersions and
/// Records from the runtime copies (<see cref="SearchIndexSql"/>, <see cref="PublishedCountsSql"/>), which
/// MigrationSchemaTests compares with a migrated database.
/// </summary>
public static class ColumnPlacementSql
{
    public static IReadOnlyList<string> ReinstallRecordTriggers(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite =>
        [
            .. new[] { "RecordVersions_Search_Insert", "RecordVersions_Search_Update", "RecordVersions_Search_Delete", "Records_Search_Update" }
                .Select(t => $"DROP TRIGGER IF EXISTS \"{t}\";"),
            .. PublishedCountsSql.Uninstall(provider),
            .. SearchIndexSql.SourceTriggers(provider).Where(s => s.Contains("ON \"RecordVersions\"", StringComparison.Ordinal) || s.Contains("ON \"Records\"", StringComparison.Ordinal)),
            .. PublishedCountsSql.Triggers(provider),
        ],
        DatabaseProvider.PostgreSQL =>
        [
            "DROP TRIGGER IF EXISTS \"RecordVersions_Search\" ON \"RecordVersions\";",
            "DROP FUNCTION IF EXISTS \"SearchEntries_FromRecordVersion\"();",
            .. PublishedCountsSql.Uninstall(provider),
            .. SearchIndexSql.SourceTriggers(provider).Where(s => s.Contains("\"SearchEntries_FromRecordVersion\"", StringComparison.Ordinal)),
            .. PublishedCountsSql.Triggers(provider),
        ],
        _ => [],
    };
}
