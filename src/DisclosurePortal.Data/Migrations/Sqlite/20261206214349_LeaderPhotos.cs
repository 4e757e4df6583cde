using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeaderPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PhotoId",
                table: "UnitLeaders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LeaderPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaderPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeaderPhotos_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitLeaders_PhotoId",
                table: "UnitLeaders",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_LeaderPhotos_DepartmentId",
                table: "LeaderPhotos",
                column: "DepartmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_UnitLeaders_LeaderPhotos_PhotoId",
                table: "UnitLeaders",
                column: "PhotoId",
                principalTable: "LeaderPhotos",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_UnitLeaders_LeaderPhotos_PhotoId",
                table: "UnitLeaders");

            migrationBuilder.DropTable(
                name: "LeaderPhotos");

            migrationBuilder.DropIndex(
                name: "IX_UnitLeaders_PhotoId",
                table: "UnitLeaders");

            migrationBuilder.DropColumn(
                name: "PhotoId",
                table: "UnitLeaders");
        }
    }
}
