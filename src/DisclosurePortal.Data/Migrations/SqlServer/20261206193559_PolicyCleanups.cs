using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PolicyCleanups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PolicyCleanups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IssuingBody = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Intro = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    ReturnReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SubmittedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCleanups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCleanupEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CleanupId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    RecordId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    PreviousValidity = table.Column<int>(type: "int", nullable: false),
                    NewValidity = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCleanupEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyCleanupEntries_PolicyCleanups_CleanupId",
                        column: x => x.CleanupId,
                        principalTable: "PolicyCleanups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PolicyCleanupEntries_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCleanupEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CleanupId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCleanupEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyCleanupEvents_PolicyCleanups_CleanupId",
                        column: x => x.CleanupId,
                        principalTable: "PolicyCleanups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCleanupEntries_CleanupId_RecordId",
                table: "PolicyCleanupEntries",
                columns: new[] { "CleanupId", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCleanupEntries_RecordId",
                table: "PolicyCleanupEntries",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCleanupEvents_CleanupId",
                table: "PolicyCleanupEvents",
                column: "CleanupId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCleanups_State_PublishedOn",
                table: "PolicyCleanups",
                columns: new[] { "State", "PublishedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PolicyCleanupEntries");

            migrationBuilder.DropTable(
                name: "PolicyCleanupEvents");

            migrationBuilder.DropTable(
                name: "PolicyCleanups");
        }
    }
}
