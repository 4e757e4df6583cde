using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchBigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Provider SQL (issue 22, docs/adr/0041): the search index keeps SearchTokens (pairs of 汉字, runs of digits and
            // letters) instead of trigrams, so that words of one and two characters are answered by it too.
            foreach (var sql in DisclosurePortal.Data.Search.SearchIndexSql.ReplaceTrigramIndex(DisclosurePortal.Data.DatabaseProvider.Sqlite))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
