using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordTriggersForColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Provider SQL (issue 20 §3): the record triggers reinstalled to skip column-only rows, and on SQLite after the
            // previous migration's table rebuilds dropped them (a migration of its own: SQLite runs rebuilds last).
            foreach (var sql in DisclosurePortal.Data.Listing.ColumnPlacementSql.ReinstallRecordTriggers(DisclosurePortal.Data.DatabaseProvider.Sqlite))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
