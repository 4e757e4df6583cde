using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Web.Data.Migrations;

/// <summary>
/// The annual report's review (ADR 12): who submitted it, why it was returned, who published it, and the numbers
/// frozen at publication.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130130000_AnnualReportReview")]
public sealed class AnnualReportReview : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SubmittedById", table: "AnnualReports", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SubmittedBy", table: "AnnualReports", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>(name: "SubmittedAt", table: "AnnualReports", nullable: true);
        migrationBuilder.AddColumn<string>(name: "ReturnComment", table: "AnnualReports", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "PublishedBy", table: "AnnualReports", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "PublishedTablesJson", table: "AnnualReports", maxLength: 100000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "SubmittedById", "SubmittedBy", "SubmittedAt", "ReturnComment", "PublishedBy", "PublishedTablesJson" })
            migrationBuilder.DropColumn(name: column, table: "AnnualReports");
    }
}
