using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuarterlyBulletins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuarterlyBulletins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    QuarterNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FrozenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FrozenById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FrozenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CommentedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CommentedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CommentedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublishedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterlyBulletins", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyBulletins_State",
                table: "QuarterlyBulletins",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyBulletins_Year_QuarterNumber_Edition",
                table: "QuarterlyBulletins",
                columns: new[] { "Year", "QuarterNumber", "Edition" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuarterlyBulletins");
        }
    }
}
