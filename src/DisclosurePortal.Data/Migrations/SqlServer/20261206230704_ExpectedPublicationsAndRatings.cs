using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ExpectedPublicationsAndRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpectedFrom",
                table: "CatalogueItems",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ItemEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CatalogueItemId = table.Column<int>(type: "int", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemEvents_CatalogueItems_CatalogueItemId",
                        column: x => x.CatalogueItemId,
                        principalTable: "CatalogueItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeriodWaivers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CatalogueItemId = table.Column<int>(type: "int", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RequestedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodWaivers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodWaivers_CatalogueItems_CatalogueItemId",
                        column: x => x.CatalogueItemId,
                        principalTable: "CatalogueItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ratings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TargetKind = table.Column<int>(type: "int", nullable: false),
                    TargetId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Grade = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CommentState = table.Column<int>(type: "int", nullable: false),
                    HeldFor = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    HiddenReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ModeratedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ModeratedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AddressHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Departments_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordCoverages",
                columns: table => new
                {
                    RecordId = table.Column<int>(type: "int", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: true),
                    ItemEventId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordCoverages", x => x.RecordId);
                    table.ForeignKey(
                        name: "FK_RecordCoverages_ItemEvents_ItemEventId",
                        column: x => x.ItemEventId,
                        principalTable: "ItemEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecordCoverages_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ItemEvents_CatalogueItemId_OccurredOn",
                table: "ItemEvents",
                columns: new[] { "CatalogueItemId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PeriodWaivers_CatalogueItemId_PeriodStart",
                table: "PeriodWaivers",
                columns: new[] { "CatalogueItemId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeriodWaivers_State",
                table: "PeriodWaivers",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_CommentState_RatedAt",
                table: "Ratings",
                columns: new[] { "CommentState", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_TargetKind_TargetId_RatedOn_AddressHash",
                table: "Ratings",
                columns: new[] { "TargetKind", "TargetId", "RatedOn", "AddressHash" },
                unique: true,
                filter: "[AddressHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_UnitId_RatedOn",
                table: "Ratings",
                columns: new[] { "UnitId", "RatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordCoverages_ItemEventId",
                table: "RecordCoverages",
                column: "ItemEventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PeriodWaivers");

            migrationBuilder.DropTable(
                name: "Ratings");

            migrationBuilder.DropTable(
                name: "RecordCoverages");

            migrationBuilder.DropTable(
                name: "ItemEvents");

            migrationBuilder.DropColumn(
                name: "ExpectedFrom",
                table: "CatalogueItems");
        }
    }
}
