using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Web.Data.Migrations;

/// <summary>
/// Identity numbers encrypted at rest (ADR 20): the blind index column that finds one applicant's applications without
/// decrypting. Numbers stored in clear before this are encrypted and indexed on the next start (IdentityNumberSealer):
/// a migration has no Data Protection keys.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261204120000_ApplicantIdentityProtection")]
public sealed class ApplicantIdentityProtection : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "IdentityIndex", table: "ApplicationCases", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex("IX_ApplicationCases_IdentityIndex_ReceivedOn", "ApplicationCases", ["IdentityIndex", "ReceivedOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ApplicationCases_IdentityIndex_ReceivedOn", "ApplicationCases");
        migrationBuilder.DropColumn(name: "IdentityIndex", table: "ApplicationCases");
    }
}
