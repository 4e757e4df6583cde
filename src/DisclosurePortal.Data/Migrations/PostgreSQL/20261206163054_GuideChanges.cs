using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class GuideChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RevisionOfId",
                table: "ServiceGuides",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGuides_RevisionOfId",
                table: "ServiceGuides",
                column: "RevisionOfId");

            migrationBuilder.AddForeignKey(
                name: "FK_ServiceGuides_ServiceGuides_RevisionOfId",
                table: "ServiceGuides",
                column: "RevisionOfId",
                principalTable: "ServiceGuides",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ServiceGuides_ServiceGuides_RevisionOfId",
                table: "ServiceGuides");

            migrationBuilder.DropIndex(
                name: "IX_ServiceGuides_RevisionOfId",
                table: "ServiceGuides");

            migrationBuilder.DropColumn(
                name: "RevisionOfId",
                table: "ServiceGuides");
        }
    }
}
