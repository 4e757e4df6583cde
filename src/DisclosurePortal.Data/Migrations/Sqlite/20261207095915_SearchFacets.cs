using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchFacets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Provider SQL (issue 22, docs/adr/0042): a narrow index over the search entries' filter and facet columns.
            foreach (var sql in DisclosurePortal.Data.Search.SearchIndexSql.FacetIndex(DisclosurePortal.Data.DatabaseProvider.Sqlite))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP INDEX IF EXISTS {DisclosurePortal.Data.Search.SearchIndexSql.SqliteFacetIndex};");
        }
    }
}
