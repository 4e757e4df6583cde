using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.PostgreSQL
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

            // Existing rows: the instant as UTC ticks (.NET ticks from 0001-01-01; 621355968000000000 at the Unix epoch).
            foreach (var table in new[] { "OutboxMails", "OutboxWebhooks" })
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"NextAttemptTicks\" = (extract(epoch from \"NextAttemptAt\") * 10000000)::bigint + 621355968000000000;");
                // The default only filled the existing rows: the model has none (MigrationSchemaTests).
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"NextAttemptTicks\" DROP DEFAULT;");
            }

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
