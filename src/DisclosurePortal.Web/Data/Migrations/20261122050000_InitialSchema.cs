using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosurePortal.Web.Data.Migrations;

/// <summary>
/// The whole domain model. Written by hand (EF Design tools cannot be restored here: docs/adr/0001). Column types are
/// left to each provider's mapping of the CLR type, with lengths and precision given, so the same migration serves
/// SQLite and PostgreSQL; MigrationSchemaTests proves the result equals what the model would create.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122050000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Domains",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Code = table.Column<string>(maxLength: 64, nullable: false),
                NameZh = table.Column<string>(maxLength: 50, nullable: false),
                NameEn = table.Column<string>(maxLength: 120, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Domains", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Stages",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Code = table.Column<string>(maxLength: 32, nullable: false),
                NameZh = table.Column<string>(maxLength: 20, nullable: false),
                NameEn = table.Column<string>(maxLength: 40, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Stages", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Departments",
            columns: table => new
            {
                Id = table.IdentityKey<int>(),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                ShortName = table.Column<string>(maxLength: 50, nullable: false),
                OrganisationCode = table.Column<string>(maxLength: 18, nullable: false),
                DocumentPrefix = table.Column<string>(maxLength: 20, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Departments", x => x.Id));

        migrationBuilder.CreateTable(
            name: "CatalogueItems",
            columns: table => new
            {
                Id = table.IdentityKey<int>(),
                DepartmentId = table.Column<int>(nullable: false),
                DomainId = table.Column<int>(nullable: false),
                StageId = table.Column<int>(nullable: false),
                NameLevel1 = table.Column<string>(maxLength: 200, nullable: false),
                NameLevel2 = table.Column<string>(maxLength: 200, nullable: false),
                Content = table.Column<string>(maxLength: 2000, nullable: false),
                Basis = table.Column<string>(maxLength: 2000, nullable: false),
                TimeLimitText = table.Column<string>(maxLength: 200, nullable: false),
                TimeLimitKind = table.Column<int>(nullable: false),
                TimeLimitAmount = table.Column<int>(nullable: false),
                Method = table.Column<int>(nullable: false),
                Channels = table.Column<int>(nullable: false),
                Audience = table.Column<int>(nullable: false),
                Level = table.Column<int>(nullable: false),
                Frequency = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
                RetiredAt = table.Column<DateTimeOffset>(nullable: true),
                RetiredReason = table.Column<string>(maxLength: 500, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CatalogueItems", x => x.Id);
                table.ForeignKey("FK_CatalogueItems_Departments_DepartmentId", x => x.DepartmentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CatalogueItems_Domains_DomainId", x => x.DomainId, "Domains", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CatalogueItems_Stages_StageId", x => x.StageId, "Stages", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CatalogueItemRevisions",
            columns: table => new
            {
                Id = table.IdentityKey<long>(),
                CatalogueItemId = table.Column<int>(nullable: false),
                RevisionNumber = table.Column<int>(nullable: false),
                Change = table.Column<int>(nullable: false),
                SnapshotJson = table.Column<string>(nullable: false),
                ActorId = table.Column<string>(maxLength: 64, nullable: true),
                ActorName = table.Column<string>(maxLength: 100, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
                At = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CatalogueItemRevisions", x => x.Id);
                table.ForeignKey("FK_CatalogueItemRevisions_CatalogueItems_CatalogueItemId", x => x.CatalogueItemId, "CatalogueItems", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Records",
            columns: table => new
            {
                Id = table.IdentityKey<int>(),
                IndexNumber = table.Column<string>(maxLength: 40, nullable: true),
                DepartmentId = table.Column<int>(nullable: false),
                CatalogueItemId = table.Column<int>(nullable: false),
                DomainId = table.Column<int>(nullable: false),
                StageId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Records", x => x.Id);
                table.ForeignKey("FK_Records_CatalogueItems_CatalogueItemId", x => x.CatalogueItemId, "CatalogueItems", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Records_Departments_DepartmentId", x => x.DepartmentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Records_Domains_DomainId", x => x.DomainId, "Domains", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Records_Stages_StageId", x => x.StageId, "Stages", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "RecordVersions",
            columns: table => new
            {
                Id = table.IdentityKey<int>(),
                RecordId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                State = table.Column<int>(nullable: false),
                IsPublished = table.Column<bool>(nullable: false),
                IsLatest = table.Column<bool>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                DocumentNumber = table.Column<string>(maxLength: 100, nullable: true),
                IssuingOrgan = table.Column<string>(maxLength: 200, nullable: false),
                TopicCategory = table.Column<string>(maxLength: 100, nullable: true),
                WrittenOn = table.Column<DateOnly>(nullable: true),
                PublishedOn = table.Column<DateOnly>(nullable: true),
                Validity = table.Column<int>(nullable: false),
                DisclosureAttribute = table.Column<int>(nullable: false),
                NonDisclosureReason = table.Column<string>(maxLength: 500, nullable: true),
                Body = table.Column<string>(nullable: false),
                InterpretationForm = table.Column<int>(nullable: true),
                DepartmentId = table.Column<int>(nullable: false),
                CatalogueItemId = table.Column<int>(nullable: false),
                DomainId = table.Column<int>(nullable: false),
                StageId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 100, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
                SubmittedAt = table.Column<DateTimeOffset>(nullable: true),
                PublishedAt = table.Column<DateTimeOffset>(nullable: true),
                ReturnReason = table.Column<string>(maxLength: 1000, nullable: true),
                WithdrawnReason = table.Column<string>(maxLength: 1000, nullable: true),
                WithdrawnAt = table.Column<DateTimeOffset>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RecordVersions", x => x.Id);
                table.ForeignKey("FK_RecordVersions_CatalogueItems_CatalogueItemId", x => x.CatalogueItemId, "CatalogueItems", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RecordVersions_Departments_DepartmentId", x => x.DepartmentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RecordVersions_Domains_DomainId", x => x.DomainId, "Domains", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RecordVersions_Records_RecordId", x => x.RecordId, "Records", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RecordVersions_Stages_StageId", x => x.StageId, "Stages", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReviewDecisions",
            columns: table => new
            {
                Id = table.IdentityKey<long>(),
                RecordVersionId = table.Column<int>(nullable: false),
                Step = table.Column<int>(nullable: false),
                Outcome = table.Column<int>(nullable: false),
                ReviewerId = table.Column<string>(maxLength: 64, nullable: true),
                ReviewerName = table.Column<string>(maxLength: 100, nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                DecidedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewDecisions", x => x.Id);
                table.ForeignKey("FK_ReviewDecisions_RecordVersions_RecordVersionId", x => x.RecordVersionId, "RecordVersions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "InterpretationLinks",
            columns: table => new
            {
                Id = table.IdentityKey<int>(),
                InterpretationRecordId = table.Column<int>(nullable: false),
                PolicyRecordId = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InterpretationLinks", x => x.Id);
                table.ForeignKey("FK_InterpretationLinks_Records_InterpretationRecordId", x => x.InterpretationRecordId, "Records", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_InterpretationLinks_Records_PolicyRecordId", x => x.PolicyRecordId, "Records", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Attachments",
            columns: table => new
            {
                Id = table.IdentityKey<int>(),
                RecordVersionId = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                StorageKey = table.Column<string>(maxLength: 200, nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                UploadedAt = table.Column<DateTimeOffset>(nullable: false),
                UploadedBy = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attachments", x => x.Id);
                table.ForeignKey("FK_Attachments_RecordVersions_RecordVersionId", x => x.RecordVersionId, "RecordVersions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "IndexNumberCounters",
            columns: table => new
            {
                OrganisationCode = table.Column<string>(maxLength: 18, nullable: false),
                Year = table.Column<int>(nullable: false),
                LastSerial = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_IndexNumberCounters", x => new { x.OrganisationCode, x.Year }));

        migrationBuilder.CreateTable(
            name: "ApplicationCases",
            columns: table => new
            {
                Id = table.IdentityKey<int>(),
                QueryCode = table.Column<string>(maxLength: 20, nullable: false),
                ApplicantKind = table.Column<int>(nullable: false),
                ApplicantName = table.Column<string>(maxLength: 200, nullable: false),
                IdentityNumber = table.Column<string>(maxLength: 512, nullable: true),
                ContactPerson = table.Column<string>(maxLength: 100, nullable: true),
                Contact = table.Column<string>(maxLength: 200, nullable: false),
                PostalAddress = table.Column<string>(maxLength: 300, nullable: true),
                InformationDescription = table.Column<string>(maxLength: 4000, nullable: false),
                ProvisionForm = table.Column<int>(nullable: false),
                DeliveryMethod = table.Column<int>(nullable: false),
                Channel = table.Column<int>(nullable: false),
                State = table.Column<int>(nullable: false),
                AssignedDepartmentId = table.Column<int>(nullable: true),
                SubmittedAt = table.Column<DateTimeOffset>(nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: true),
                DueOn = table.Column<DateOnly>(nullable: true),
                Extended = table.Column<bool>(nullable: false),
                ReplyType = table.Column<int>(nullable: true),
                RepliedOn = table.Column<DateOnly>(nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                FeeAmount = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApplicationCases", x => x.Id);
                table.ForeignKey("FK_ApplicationCases_Departments_AssignedDepartmentId", x => x.AssignedDepartmentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ApplicationEvents",
            columns: table => new
            {
                Id = table.IdentityKey<long>(),
                CaseId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                OccurredAt = table.Column<DateTimeOffset>(nullable: false),
                EffectiveOn = table.Column<DateOnly>(nullable: true),
                ActorId = table.Column<string>(maxLength: 64, nullable: true),
                ActorName = table.Column<string>(maxLength: 100, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                DueOnAfter = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApplicationEvents", x => x.Id);
                table.ForeignKey("FK_ApplicationEvents_ApplicationCases_CaseId", x => x.CaseId, "ApplicationCases", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CalendarDays",
            columns: table => new
            {
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Note = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_CalendarDays", x => x.Date));

        migrationBuilder.CreateTable(
            name: "CalendarYears",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                Source = table.Column<string>(maxLength: 200, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CalendarYears", x => x.Year));

        migrationBuilder.CreateTable(
            name: "AuditEvents",
            columns: table => new
            {
                Id = table.IdentityKey<long>(),
                OccurredAt = table.Column<DateTimeOffset>(nullable: false),
                ActorId = table.Column<string>(maxLength: 64, nullable: true),
                ActorName = table.Column<string>(maxLength: 100, nullable: false),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                EntityType = table.Column<string>(maxLength: 64, nullable: false),
                EntityId = table.Column<string>(maxLength: 64, nullable: false),
                Summary = table.Column<string>(maxLength: 2000, nullable: true),
                PreviousHash = table.Column<string>(maxLength: 64, nullable: true),
                Hash = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEvents", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AnnualReports",
            columns: table => new
            {
                Id = table.IdentityKey<int>(),
                Year = table.Column<int>(nullable: false),
                State = table.Column<int>(nullable: false),
                OverviewText = table.Column<string>(maxLength: 20000, nullable: true),
                ProblemsText = table.Column<string>(maxLength: 20000, nullable: true),
                OtherMattersText = table.Column<string>(maxLength: 20000, nullable: true),
                ManualFiguresJson = table.Column<string>(maxLength: 20000, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
                PublishedAt = table.Column<DateTimeOffset>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AnnualReports", x => x.Id));

        CreateIndexes(migrationBuilder);
    }

    private static void CreateIndexes(MigrationBuilder m)
    {
        m.CreateIndex("IX_Domains_Code", "Domains", "Code", unique: true);
        m.CreateIndex("IX_Stages_Code", "Stages", "Code", unique: true);
        m.CreateIndex("IX_Departments_Name", "Departments", "Name", unique: true);
        m.CreateIndex("IX_Departments_OrganisationCode", "Departments", "OrganisationCode", unique: true);

        m.CreateIndex("IX_CatalogueItems_DepartmentId_Status", "CatalogueItems", ["DepartmentId", "Status"]);
        m.CreateIndex("IX_CatalogueItems_DomainId_StageId_Status_SortOrder", "CatalogueItems", ["DomainId", "StageId", "Status", "SortOrder"]);
        m.CreateIndex("IX_CatalogueItems_StageId", "CatalogueItems", "StageId");
        m.CreateIndex("IX_CatalogueItemRevisions_CatalogueItemId_RevisionNumber", "CatalogueItemRevisions", ["CatalogueItemId", "RevisionNumber"], unique: true);

        m.CreateIndex("IX_Records_CatalogueItemId", "Records", "CatalogueItemId");
        m.CreateIndex("IX_Records_DepartmentId", "Records", "DepartmentId");
        m.CreateIndex("IX_Records_DomainId", "Records", "DomainId");
        m.CreateIndex("IX_Records_IndexNumber", "Records", "IndexNumber", unique: true);
        m.CreateIndex("IX_Records_StageId", "Records", "StageId");

        m.CreateIndex("IX_RecordVersions_StageId", "RecordVersions", "StageId");
        m.CreateIndex("IX_RecordVersions_RecordId_Number", "RecordVersions", ["RecordId", "Number"], unique: true);
        m.CreateIndex("IX_RecordVersions_OnePublished", "RecordVersions", "RecordId", unique: true, filter: "\"IsPublished\"");
        m.CreateIndex("IX_RecordVersions_OneLatest", "RecordVersions", "RecordId", unique: true, filter: "\"IsLatest\"");
        m.CreateIndex("IX_RecordVersions_Published_Date", "RecordVersions", ["PublishedOn", "Id"], filter: "\"IsPublished\"");
        m.CreateIndex("IX_RecordVersions_Published_Domain", "RecordVersions", ["DomainId", "StageId", "PublishedOn", "Id"], filter: "\"IsPublished\"");
        m.CreateIndex("IX_RecordVersions_Published_Item", "RecordVersions", ["CatalogueItemId", "PublishedOn", "Id"], filter: "\"IsPublished\"");
        m.CreateIndex("IX_RecordVersions_Published_Department", "RecordVersions", ["DepartmentId", "PublishedOn", "Id"], filter: "\"IsPublished\"");
        m.CreateIndex("IX_RecordVersions_State_Department", "RecordVersions", ["State", "DepartmentId"]);

        m.CreateIndex("IX_ReviewDecisions_RecordVersionId", "ReviewDecisions", "RecordVersionId");
        m.CreateIndex("IX_InterpretationLinks_InterpretationRecordId_PolicyRecordId", "InterpretationLinks", ["InterpretationRecordId", "PolicyRecordId"], unique: true);
        m.CreateIndex("IX_InterpretationLinks_PolicyRecordId", "InterpretationLinks", "PolicyRecordId");
        m.CreateIndex("IX_Attachments_RecordVersionId", "Attachments", "RecordVersionId");

        m.CreateIndex("IX_ApplicationCases_AssignedDepartmentId", "ApplicationCases", "AssignedDepartmentId");
        m.CreateIndex("IX_ApplicationCases_QueryCode", "ApplicationCases", "QueryCode", unique: true);
        m.CreateIndex("IX_ApplicationCases_ReceivedOn", "ApplicationCases", "ReceivedOn");
        m.CreateIndex("IX_ApplicationCases_State_DueOn", "ApplicationCases", ["State", "DueOn"]);
        m.CreateIndex("IX_ApplicationEvents_CaseId", "ApplicationEvents", "CaseId");

        m.CreateIndex("IX_AuditEvents_EntityType_EntityId", "AuditEvents", ["EntityType", "EntityId"]);
        m.CreateIndex("IX_AnnualReports_Year", "AnnualReports", "Year", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "AnnualReports", "AuditEvents", "CalendarYears", "CalendarDays", "ApplicationEvents", "ApplicationCases",
            "IndexNumberCounters", "Attachments", "InterpretationLinks", "ReviewDecisions", "RecordVersions", "Records",
            "CatalogueItemRevisions", "CatalogueItems", "Departments", "Stages", "Domains",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
