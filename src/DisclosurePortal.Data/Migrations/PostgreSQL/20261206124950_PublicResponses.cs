using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class PublicResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ConcernDate",
                table: "RecordVersions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConcernSource",
                table: "RecordVersions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConcernSummary",
                table: "RecordVersions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConferenceDate",
                table: "RecordVersions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConferencePlace",
                table: "RecordVersions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ConferenceTime",
                table: "RecordVersions",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Speakers",
                table: "RecordVersions",
                type: "character varying(3000)",
                maxLength: 3000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordVersions_Published_Kind",
                table: "RecordVersions",
                columns: new[] { "Kind", "PublishedOn", "Id" },
                filter: "\"IsPublished\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RecordVersions_Published_Kind",
                table: "RecordVersions");

            migrationBuilder.DropColumn(
                name: "ConcernDate",
                table: "RecordVersions");

            migrationBuilder.DropColumn(
                name: "ConcernSource",
                table: "RecordVersions");

            migrationBuilder.DropColumn(
                name: "ConcernSummary",
                table: "RecordVersions");

            migrationBuilder.DropColumn(
                name: "ConferenceDate",
                table: "RecordVersions");

            migrationBuilder.DropColumn(
                name: "ConferencePlace",
                table: "RecordVersions");

            migrationBuilder.DropColumn(
                name: "ConferenceTime",
                table: "RecordVersions");

            migrationBuilder.DropColumn(
                name: "Speakers",
                table: "RecordVersions");
        }
    }
}
