using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DisclosurePortal.Data.Migrations.PostgreSQL
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    DomainId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TimeLimit = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Fees = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PlaceAndHours = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ConsultationPhone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ComplaintPhone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuideId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GuideId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Actor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Action = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TimeLimit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GuideId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GuideId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Form = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    TemplateId = table.Column<int>(type: "integer", nullable: true),
                    SituationId = table.Column<int>(type: "integer", nullable: false)
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
