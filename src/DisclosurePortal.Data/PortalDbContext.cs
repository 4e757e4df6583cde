using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Assessments;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Domain.Consultations;
using Consultation = DisclosurePortal.Domain.Consultations.Consultation;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Ratings;
using DisclosurePortal.Domain.Reminders;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Domain.Site;
using DisclosurePortal.Domain.Units;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data;

/// <summary>
/// The portal's one DbContext, used directly by the features (no repositories: see docs/adr). Each database provider
/// has its own subclass (<see cref="SqlitePortalDbContext"/>, <see cref="PostgresPortalDbContext"/>,
/// <see cref="SqlServerPortalDbContext"/>) only so that each has its own migrations and model snapshot (EF's
/// multi-provider layout with one context type per provider, docs/adr/0026); the model is the same.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>A context on options configured for <paramref name="provider"/>: the subclass whose migrations it runs.</summary>
    public static PortalDbContext Create(DatabaseProvider provider, DbContextOptions options) => provider switch
    {
        DatabaseProvider.Sqlite => new SqlitePortalDbContext(options),
        DatabaseProvider.PostgreSQL => new PostgresPortalDbContext(options),
        DatabaseProvider.SqlServer => new SqlServerPortalDbContext(options),
        var other => throw new InvalidOperationException($"Unhandled provider {other}."),
    };

    public DbSet<DisclosureDomain> Domains => Set<DisclosureDomain>();
    public DbSet<DisclosureStage> Stages => Set<DisclosureStage>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<CatalogueItem> CatalogueItems => Set<CatalogueItem>();
    public DbSet<CatalogueItemRevision> CatalogueItemRevisions => Set<CatalogueItemRevision>();
    public DbSet<Record> Records => Set<Record>();
    public DbSet<RecordVersion> RecordVersions => Set<RecordVersion>();
    public DbSet<Domain.Columns.DisclosureColumn> Columns => Set<Domain.Columns.DisclosureColumn>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<ReviewChain> ReviewChains => Set<ReviewChain>();
    public DbSet<InterpretationLink> InterpretationLinks => Set<InterpretationLink>();
    public DbSet<InterpretationPlan> InterpretationPlans => Set<InterpretationPlan>();
    public DbSet<InterpretationQuestion> InterpretationQuestions => Set<InterpretationQuestion>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<IndexNumberCounter> IndexNumberCounters => Set<IndexNumberCounter>();
    public DbSet<ApplicationCase> ApplicationCases => Set<ApplicationCase>();
    public DbSet<ReplyAttachment> ReplyAttachments => Set<ReplyAttachment>();
    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ConsultationQuestion> ConsultationQuestions => Set<ConsultationQuestion>();
    public DbSet<ConsultationComment> ConsultationComments => Set<ConsultationComment>();
    public DbSet<ConsultationAnswer> ConsultationAnswers => Set<ConsultationAnswer>();
    public DbSet<ConsultationEvent> ConsultationEvents => Set<ConsultationEvent>();
    public DbSet<ConsultationAttachment> ConsultationAttachments => Set<ConsultationAttachment>();
    public DbSet<UnitProfile> UnitProfiles => Set<UnitProfile>();
    public DbSet<UnitOffice> UnitOffices => Set<UnitOffice>();
    public DbSet<UnitLeader> UnitLeaders => Set<UnitLeader>();
    public DbSet<LeaderPhoto> LeaderPhotos => Set<LeaderPhoto>();
    public DbSet<Domain.Powers.Power> Powers => Set<Domain.Powers.Power>();
    public DbSet<Domain.Powers.PowerRevision> PowerRevisions => Set<Domain.Powers.PowerRevision>();
    public DbSet<Domain.Powers.PowerEvent> PowerEvents => Set<Domain.Powers.PowerEvent>();
    public DbSet<Domain.Guides.ServiceGuide> ServiceGuides => Set<Domain.Guides.ServiceGuide>();
    public DbSet<Domain.Guides.GuideTemplate> GuideTemplates => Set<Domain.Guides.GuideTemplate>();
    public DbSet<Domain.Guides.GuideEvent> GuideEvents => Set<Domain.Guides.GuideEvent>();
    public DbSet<Domain.PolicyCleanups.PolicyCleanup> PolicyCleanups => Set<Domain.PolicyCleanups.PolicyCleanup>();
    public DbSet<Domain.PolicyCleanups.PolicyCleanupEntry> PolicyCleanupEntries => Set<Domain.PolicyCleanups.PolicyCleanupEntry>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>The audit chain's one head row, written by <see cref="AuditChainInterceptor"/> only (docs/adr/0023).</summary>
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();
    public DbSet<QuarterlyBulletin> QuarterlyBulletins => Set<QuarterlyBulletin>();

    /// <summary>Mail waiting to be sent, written with the change it tells about (MailOutbox), sent by the background sender.</summary>
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<StaffNotification> StaffNotifications => Set<StaffNotification>();

    /// <summary>The search index, written by database triggers only (docs/adr/0009); read through ISearchIndex.</summary>
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    /// <summary>Published versions counted per catalogue item, written by database triggers only (docs/adr/0017).</summary>
    public DbSet<PublishedCount> PublishedCounts => Set<PublishedCount>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageEvent> MessageEvents => Set<MessageEvent>();
    public DbSet<SensitiveWord> SensitiveWords => Set<SensitiveWord>();

    /// <summary>同义词组 of the search (issue 22, docs/adr/0041).</summary>
    public DbSet<Domain.Search.SynonymGroup> SearchSynonyms => Set<Domain.Search.SynonymGroup>();

    /// <summary>评议 (issue 21 §5): citizens' grades of records, answered applications and answered messages.</summary>
    public DbSet<Rating> Ratings => Set<Rating>();

    /// <summary>The site's particulars (issue 20 §1): one row, none until the demo seed or the first-time setup writes it.</summary>
    public DbSet<SiteIdentity> SiteIdentities => Set<SiteIdentity>();
    public DbSet<PeriodWaiver> PeriodWaivers => Set<PeriodWaiver>();
    public DbSet<ItemEvent> ItemEvents => Set<ItemEvent>();
    public DbSet<RecordCoverage> RecordCoverages => Set<RecordCoverage>();
    public DbSet<AssessmentScheme> AssessmentSchemes => Set<AssessmentScheme>();
    public DbSet<AssessmentIndicator> AssessmentIndicators => Set<AssessmentIndicator>();
    public DbSet<ManualScore> ManualScores => Set<ManualScore>();
    public DbSet<AssessmentRun> AssessmentRuns => Set<AssessmentRun>();
    public DbSet<AssessmentScore> AssessmentScores => Set<AssessmentScore>();

    /// <summary>消息警示 (issue 21 §2, ADR 35): the settings row, the reminders sent (once each), the webhook outbox.</summary>
    public DbSet<ReminderSettings> ReminderSettings => Set<ReminderSettings>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<OutboxWebhook> OutboxWebhooks => Set<OutboxWebhook>();

    /// <summary>
    /// A cluster's Data Protection keys (issue 24): every node signs cookies and antiforgery tokens and seals identity
    /// numbers with the same keys, encrypted at rest with the certificate <c>Cluster:KeyCertificate</c>. A single node
    /// keeps them in its keys folder instead, and this table stays empty.
    /// </summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>A cluster's shared secrets (issue 24): the blind-index keys a single node keeps as files beside its keys.</summary>
    public DbSet<Security.SharedSecret> SharedSecrets => Set<Security.SharedSecret>();

    /// <summary>The published versions: the only rows the public may read.</summary>
    public IQueryable<RecordVersion> PublishedVersions => RecordVersions.Where(v => v.IsPublished);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // the Identity tables
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
