using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SiteIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SiteIdentity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    ShortName = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SiteName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    SiteNameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Sponsor = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Operator = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    DisclosureOffice = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: true),
                    Telephone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Hotline = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    OfficeHours = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    WebsiteCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    IcpNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    PoliceNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    FooterLinks = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    FooterNote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    GuideText = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    ReplyLetterhead = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    ReviewOrgan = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Court = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteIdentity", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SiteIdentity");
        }
    }
}
