using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchSynonyms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchSynonyms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 210, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchSynonyms", x => x.Id);
                });

            // The groups the portal starts with (issue 22), once: administrators keep them at /admin/search-synonyms.
            var starting = DisclosurePortal.Domain.Search.Synonyms.Starting;
            var values = new object[starting.Count, 3];
            for (var i = 0; i < starting.Count; i++)
            {
                values[i, 0] = starting[i];
                values[i, 1] = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
                values[i, 2] = "系统预置";
            }
            migrationBuilder.InsertData("SearchSynonyms", ["Terms", "AddedAt", "AddedBy"], values);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchSynonyms");
        }
    }
}
