using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OutboxDueTicks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxWebhooks_SentAt_NextAttemptAt",
                table: "OutboxWebhooks");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_SentAt_NextAttemptAt",
                table: "OutboxMails");

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptTicks",
                table: "OutboxWebhooks",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptTicks",
                table: "OutboxMails",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Existing rows: the instant as UTC ticks; in EXEC, as the idempotent script runs the column's ALTER in the same batch
            // (reviewed in docs/sql/sqlserver.sql, not run on a SQL Server here).
            foreach (var table in new[] { "OutboxMails", "OutboxWebhooks" })
                migrationBuilder.Sql($"EXEC(N'UPDATE [{table}] SET [NextAttemptTicks] = DATEDIFF_BIG(microsecond, CAST(''0001-01-01'' AS datetime2), CAST(SWITCHOFFSET([NextAttemptAt], ''+00:00'') AS datetime2)) * 10;');");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxWebhooks_SentAt_NextAttemptTicks",
                table: "OutboxWebhooks",
                columns: new[] { "SentAt", "NextAttemptTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_SentAt_NextAttemptTicks",
                table: "OutboxMails",
                columns: new[] { "SentAt", "NextAttemptTicks" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxWebhooks_SentAt_NextAttemptTicks",
                table: "OutboxWebhooks");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMails_SentAt_NextAttemptTicks",
                table: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "NextAttemptTicks",
                table: "OutboxWebhooks");

            migrationBuilder.DropColumn(
                name: "NextAttemptTicks",
                table: "OutboxMails");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxWebhooks_SentAt_NextAttemptAt",
                table: "OutboxWebhooks",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_SentAt_NextAttemptAt",
                table: "OutboxMails",
                columns: new[] { "SentAt", "NextAttemptAt" });
        }
    }
}
