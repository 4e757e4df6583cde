using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class ReviewChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewChains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Confidentiality = table.Column<bool>(type: "boolean", nullable: false),
                    Legality = table.Column<bool>(type: "boolean", nullable: false),
                    DisclosureAttribute = table.Column<bool>(type: "boolean", nullable: false),
                    DistinctReviewers = table.Column<bool>(type: "boolean", nullable: false),
                    LeaderKindCodes = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewChains", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewChains");
        }
    }
}
