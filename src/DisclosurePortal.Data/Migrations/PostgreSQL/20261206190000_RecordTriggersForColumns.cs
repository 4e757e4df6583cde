using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class RecordTriggersForColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Provider SQL (issue 20 §3, docs/adr/0032): the record triggers count and index a column-only record under
            // item, domain and stage 0, and on SQLite they come back after the previous migration's table rebuilds dropped
            // them (a migration of its own: SQLite runs rebuilds last).
            foreach (var sql in DisclosurePortal.Data.Listing.ColumnPlacementSql.ReinstallRecordTriggers(DisclosurePortal.Data.DatabaseProvider.PostgreSQL))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
