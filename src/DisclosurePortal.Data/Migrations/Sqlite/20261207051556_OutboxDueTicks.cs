using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptTicks",
                table: "OutboxMails",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing rows: the instant (stored as text, always +00:00) as UTC ticks, to the second.
            foreach (var table in new[] { "OutboxMails", "OutboxWebhooks" })
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"NextAttemptTicks\" = CAST(ROUND((julianday(substr(\"NextAttemptAt\", 1, 19)) - 2440587.5) * 86400) AS INTEGER) * 10000000 + 621355968000000000;");

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
