using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchOtherContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SourceId",
                table: "SearchEntries",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_SourceId_Kind",
                table: "SearchEntries",
                columns: new[] { "SourceId", "Kind" });

            foreach (var sql in ProviderSql)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in ProviderSqlDown)
                migrationBuilder.Sql(sql);
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_SourceId_Kind",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "SearchEntries");
        }
    }
}
