using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DisclosureColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "StageId",
                table: "RecordVersions",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AlterColumn<int>(
                name: "DomainId",
                table: "RecordVersions",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AlterColumn<int>(
                name: "CatalogueItemId",
                table: "RecordVersions",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<int>(
                name: "ColumnId",
                table: "RecordVersions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsSummary",
                table: "RecordVersions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<int>(
                name: "StageId",
                table: "Records",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AlterColumn<int>(
                name: "DomainId",
                table: "Records",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AlterColumn<int>(
                name: "CatalogueItemId",
                table: "Records",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<int>(
                name: "ColumnId",
                table: "Records",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DisclosureColumns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ParentId = table.Column<int>(type: "int", nullable: true),
                    NameZh = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Citation = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    IsRetired = table.Column<bool>(type: "bit", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureColumns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisclosureColumns_DisclosureColumns_ParentId",
                        column: x => x.ParentId,
                        principalTable: "DisclosureColumns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecordVersions_Published_Column",
                table: "RecordVersions",
                columns: new[] { "ColumnId", "PublishedOn", "Id" },
                filter: "[IsPublished] = CAST(1 AS bit)");

            migrationBuilder.CreateIndex(
                name: "IX_Records_ColumnId",
                table: "Records",
                column: "ColumnId");

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureColumns_ParentId_SortOrder",
                table: "DisclosureColumns",
                columns: new[] { "ParentId", "SortOrder" });

            migrationBuilder.AddForeignKey(
                name: "FK_Records_DisclosureColumns_ColumnId",
                table: "Records",
                column: "ColumnId",
                principalTable: "DisclosureColumns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RecordVersions_DisclosureColumns_ColumnId",
                table: "RecordVersions",
                column: "ColumnId",
                principalTable: "DisclosureColumns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Records_DisclosureColumns_ColumnId",
                table: "Records");

            migrationBuilder.DropForeignKey(
                name: "FK_RecordVersions_DisclosureColumns_ColumnId",
                table: "RecordVersions");

            migrationBuilder.DropTable(
                name: "DisclosureColumns");

            migrationBuilder.DropIndex(
                name: "IX_RecordVersions_Published_Column",
                table: "RecordVersions");

            migrationBuilder.DropIndex(
                name: "IX_Records_ColumnId",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "ColumnId",
                table: "RecordVersions");

            migrationBuilder.DropColumn(
                name: "IsSummary",
                table: "RecordVersions");

            migrationBuilder.DropColumn(
                name: "ColumnId",
                table: "Records");

            migrationBuilder.AlterColumn<int>(
                name: "StageId",
                table: "RecordVersions",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "DomainId",
                table: "RecordVersions",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "CatalogueItemId",
                table: "RecordVersions",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "StageId",
                table: "Records",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "DomainId",
                table: "Records",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "CatalogueItemId",
                table: "Records",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);
        }
    }
}
