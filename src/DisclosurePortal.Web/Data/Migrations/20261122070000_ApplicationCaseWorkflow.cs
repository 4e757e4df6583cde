using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Web.Data.Migrations;

/// <summary>What the application workflow records on the case: the 补正 dates, the one extension, the reply letter, delivery.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122070000_ApplicationCaseWorkflow")]
public sealed class ApplicationCaseWorkflow : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "SupplementRequestedOn", table: "ApplicationCases", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "SupplementDeadline", table: "ApplicationCases", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "SupplementReceivedOn", table: "ApplicationCases", nullable: true);
        migrationBuilder.AddColumn<int>(name: "ExtensionWorkingDays", table: "ApplicationCases", nullable: true);
        migrationBuilder.AddColumn<string>(name: "ExtensionReason", table: "ApplicationCases", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ExtensionApprovedBy", table: "ApplicationCases", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ReplyLetter", table: "ApplicationCases", maxLength: 20000, nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "DeliveredOn", table: "ApplicationCases", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "SupplementRequestedOn", "SupplementDeadline", "SupplementReceivedOn", "ExtensionWorkingDays", "ExtensionReason", "ExtensionApprovedBy", "ReplyLetter", "DeliveredOn" })
            migrationBuilder.DropColumn(name: column, table: "ApplicationCases");
    }
}
