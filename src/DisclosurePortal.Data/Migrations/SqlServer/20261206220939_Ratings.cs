using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Ratings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ratings");
        }
    }
}
