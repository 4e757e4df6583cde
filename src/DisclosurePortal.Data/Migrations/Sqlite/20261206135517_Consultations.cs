using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Consultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogueItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DraftBody = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    DraftingExplanation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ShortPeriodReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AcceptsOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DecisionRecordId = table.Column<int>(type: "INTEGER", nullable: true),
                    FeedbackPublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReceivedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    AdoptedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    AdoptedReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PartlyAdoptedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    PartlyAdoptedReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NotAdoptedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    NotAdoptedReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ContactsRemovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_CatalogueItems_CatalogueItemId",
                        column: x => x.CatalogueItemId,
                        principalTable: "CatalogueItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consultations_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consultations_Domains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consultations_Records_DecisionRecordId",
                        column: x => x.DecisionRecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationAttachments_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    PublicName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    MayPublish = table.Column<bool>(type: "INTEGER", nullable: false),
                    NameSealed = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    PhoneSealed = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    EmailSealed = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    AddressSealed = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Moderation = table.Column<int>(type: "INTEGER", nullable: false),
                    ModeratedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ModeratedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationComments_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationEvents_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Options = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationQuestions_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Option = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationAnswers_ConsultationComments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "ConsultationComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsultationAnswers_ConsultationQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ConsultationQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationAnswers_CommentId",
                table: "ConsultationAnswers",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationAnswers_QuestionId",
                table: "ConsultationAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationAttachments_ConsultationId",
                table: "ConsultationAttachments",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationComments_ConsultationId_Moderation_Id",
                table: "ConsultationComments",
                columns: new[] { "ConsultationId", "Moderation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationEvents_ConsultationId",
                table: "ConsultationEvents",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationQuestions_ConsultationId_Position",
                table: "ConsultationQuestions",
                columns: new[] { "ConsultationId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_CatalogueItemId",
                table: "Consultations",
                column: "CatalogueItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_DecisionRecordId",
                table: "Consultations",
                column: "DecisionRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_DepartmentId",
                table: "Consultations",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_DomainId_State",
                table: "Consultations",
                columns: new[] { "DomainId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_State_EndsOn",
                table: "Consultations",
                columns: new[] { "State", "EndsOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationAnswers");

            migrationBuilder.DropTable(
                name: "ConsultationAttachments");

            migrationBuilder.DropTable(
                name: "ConsultationEvents");

            migrationBuilder.DropTable(
                name: "ConsultationComments");

            migrationBuilder.DropTable(
                name: "ConsultationQuestions");

            migrationBuilder.DropTable(
                name: "Consultations");
        }
    }
}
