using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Web.Data.Migrations;

/// <summary>
/// The fee notice (条例 Art. 42; 国办函〔2020〕109号): how many items the application counts as, the notice, the payment
/// deadline and the payment. Existing cases count as one item each.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130090000_ApplicationFees")]
public sealed class ApplicationFees : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "ItemCount", table: "ApplicationCases", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<DateOnly>(name: "FeeNotifiedOn", table: "ApplicationCases", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "FeePaymentDeadline", table: "ApplicationCases", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "FeePaidOn", table: "ApplicationCases", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "ItemCount", "FeeNotifiedOn", "FeePaymentDeadline", "FeePaidOn" })
            migrationBuilder.DropColumn(name: column, table: "ApplicationCases");
    }
}
