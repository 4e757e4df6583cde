using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisclosurePortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceGuides : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceGuides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TimeLimit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Fees = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlaceAndHours = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ConsultationPhone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ComplaintPhone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceGuides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceGuides_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceGuides_Domains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuideEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuideId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuideEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuideEvents_ServiceGuides_GuideId",
                        column: x => x.GuideId,
                        principalTable: "ServiceGuides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuideSituations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GuideId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuideSituations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuideSituations_ServiceGuides_GuideId",
                        column: x => x.GuideId,
                        principalTable: "ServiceGuides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuideSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeLimit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GuideId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuideSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuideSteps_ServiceGuides_GuideId",
                        column: x => x.GuideId,
                        principalTable: "ServiceGuides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuideTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuideId = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_GuideTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuideTemplates_ServiceGuides_GuideId",
                        column: x => x.GuideId,
                        principalTable: "ServiceGuides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuideMaterials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: true),
                    SituationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuideMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuideMaterials_GuideSituations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "GuideSituations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GuideMaterials_GuideTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "GuideTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GuideEvents_GuideId",
                table: "GuideEvents",
                column: "GuideId");

            migrationBuilder.CreateIndex(
                name: "IX_GuideMaterials_SituationId",
                table: "GuideMaterials",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_GuideMaterials_TemplateId",
                table: "GuideMaterials",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_GuideSituations_GuideId",
                table: "GuideSituations",
                column: "GuideId");

            migrationBuilder.CreateIndex(
                name: "IX_GuideSteps_GuideId",
                table: "GuideSteps",
                column: "GuideId");

            migrationBuilder.CreateIndex(
                name: "IX_GuideTemplates_GuideId",
                table: "GuideTemplates",
                column: "GuideId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGuides_DepartmentId",
                table: "ServiceGuides",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGuides_DomainId_State",
                table: "ServiceGuides",
                columns: new[] { "DomainId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuideEvents");

            migrationBuilder.DropTable(
                name: "GuideMaterials");

            migrationBuilder.DropTable(
                name: "GuideSteps");

            migrationBuilder.DropTable(
                name: "GuideSituations");

            migrationBuilder.DropTable(
                name: "GuideTemplates");

            migrationBuilder.DropTable(
                name: "ServiceGuides");
        }
    }
}
