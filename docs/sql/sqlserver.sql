IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [AnnualReports] (
        [Id] int NOT NULL IDENTITY,
        [Year] int NOT NULL,
        [State] int NOT NULL,
        [OverviewText] nvarchar(max) NULL,
        [ProblemsText] nvarchar(max) NULL,
        [OtherMattersText] nvarchar(max) NULL,
        [ManualFiguresJson] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [PublishedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        [SubmittedById] nvarchar(64) NULL,
        [SubmittedBy] nvarchar(200) NULL,
        [SubmittedAt] datetimeoffset NULL,
        [ReturnComment] nvarchar(2000) NULL,
        [PublishedBy] nvarchar(200) NULL,
        [PublishedTablesJson] nvarchar(max) NULL,
        CONSTRAINT [PK_AnnualReports] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [AuditChainHeads] (
        [Id] int NOT NULL,
        [Sequence] bigint NOT NULL,
        [LastHash] nvarchar(64) NULL,
        CONSTRAINT [PK_AuditChainHeads] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [AuditEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [Sequence] bigint NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [ActorId] nvarchar(64) NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [Action] nvarchar(64) NOT NULL,
        [EntityType] nvarchar(64) NOT NULL,
        [EntityId] nvarchar(64) NOT NULL,
        [Summary] nvarchar(2000) NULL,
        [PreviousHash] nvarchar(64) NULL,
        [Hash] nvarchar(64) NULL,
        CONSTRAINT [PK_AuditEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [CalendarDays] (
        [Date] date NOT NULL,
        [Kind] int NOT NULL,
        [Note] nvarchar(100) NULL,
        CONSTRAINT [PK_CalendarDays] PRIMARY KEY ([Date])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [CalendarYears] (
        [Year] int NOT NULL,
        [Source] nvarchar(200) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CalendarYears] PRIMARY KEY ([Year])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [Departments] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(100) NOT NULL,
        [ShortName] nvarchar(50) NOT NULL,
        [OrganisationCode] nvarchar(18) NOT NULL,
        [DocumentPrefix] nvarchar(20) NOT NULL,
        [SortOrder] int NOT NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_Departments] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [Domains] (
        [Id] int NOT NULL,
        [Code] nvarchar(64) NOT NULL,
        [NameZh] nvarchar(50) NOT NULL,
        [NameEn] nvarchar(120) NOT NULL,
        [SortOrder] int NOT NULL,
        CONSTRAINT [PK_Domains] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [IndexNumberCounters] (
        [OrganisationCode] nvarchar(18) NOT NULL,
        [Year] int NOT NULL,
        [LastSerial] int NOT NULL,
        CONSTRAINT [PK_IndexNumberCounters] PRIMARY KEY ([OrganisationCode], [Year])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [PublishedCounts] (
        [CatalogueItemId] int NOT NULL,
        [DomainId] int NOT NULL,
        [StageId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [Count] int NOT NULL,
        CONSTRAINT [PK_PublishedCounts] PRIMARY KEY ([CatalogueItemId], [DomainId], [StageId], [DepartmentId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [SearchEntries] (
        [Id] bigint NOT NULL,
        [Kind] int NOT NULL,
        [RecordId] int NULL,
        [RecordVersionId] int NULL,
        [CatalogueItemId] int NULL,
        [Title] nvarchar(500) NOT NULL,
        [DocumentNumber] nvarchar(100) NULL,
        [IndexNumber] nvarchar(40) NULL,
        [Body] nvarchar(max) NOT NULL,
        [DomainId] int NOT NULL,
        [StageId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [RecordKind] int NULL,
        [Validity] int NULL,
        [PublishedOn] date NULL,
        CONSTRAINT [PK_SearchEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [Stages] (
        [Id] int NOT NULL,
        [Code] nvarchar(32) NOT NULL,
        [NameZh] nvarchar(20) NOT NULL,
        [NameEn] nvarchar(40) NOT NULL,
        [SortOrder] int NOT NULL,
        CONSTRAINT [PK_Stages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [ApplicationCases] (
        [Id] int NOT NULL IDENTITY,
        [QueryCode] nvarchar(20) NOT NULL,
        [ApplicantKind] int NOT NULL,
        [ApplicantName] nvarchar(200) NOT NULL,
        [IdentityNumber] nvarchar(512) NULL,
        [IdentityIndex] nvarchar(64) NULL,
        [ContactPerson] nvarchar(100) NULL,
        [Contact] nvarchar(200) NOT NULL,
        [PostalAddress] nvarchar(300) NULL,
        [InformationDescription] nvarchar(4000) NOT NULL,
        [ProvisionForm] int NOT NULL,
        [DeliveryMethod] int NOT NULL,
        [Channel] int NOT NULL,
        [State] int NOT NULL,
        [AssignedDepartmentId] int NULL,
        [SubmittedAt] datetimeoffset NOT NULL,
        [ReceivedOn] date NULL,
        [DueOn] date NULL,
        [Extended] bit NOT NULL,
        [ReplyType] int NULL,
        [RepliedOn] date NULL,
        [ClosedOn] date NULL,
        [FeeAmount] decimal(12,2) NOT NULL,
        [ItemCount] int NOT NULL DEFAULT 1,
        [FeeNotifiedOn] date NULL,
        [FeePaymentDeadline] date NULL,
        [FeePaidOn] date NULL,
        [SupplementRequestedOn] date NULL,
        [SupplementDeadline] date NULL,
        [SupplementReceivedOn] date NULL,
        [ExtensionWorkingDays] int NULL,
        [ExtensionReason] nvarchar(500) NULL,
        [ExtensionApprovedBy] nvarchar(100) NULL,
        [ReplyLetter] nvarchar(max) NULL,
        [DeliveredOn] date NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ApplicationCases] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationCases_Departments_AssignedDepartmentId] FOREIGN KEY ([AssignedDepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [DepartmentId] int NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [CatalogueItems] (
        [Id] int NOT NULL IDENTITY,
        [DepartmentId] int NOT NULL,
        [DomainId] int NOT NULL,
        [StageId] int NOT NULL,
        [NameLevel1] nvarchar(200) NOT NULL,
        [NameLevel2] nvarchar(200) NOT NULL,
        [Content] nvarchar(2000) NOT NULL,
        [Basis] nvarchar(2000) NOT NULL,
        [TimeLimitText] nvarchar(200) NOT NULL,
        [Method] int NOT NULL,
        [Channels] int NOT NULL,
        [Audience] int NOT NULL,
        [Level] int NOT NULL,
        [Frequency] int NOT NULL,
        [Status] int NOT NULL,
        [SortOrder] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [RetiredAt] datetimeoffset NULL,
        [RetiredReason] nvarchar(500) NULL,
        [Version] int NOT NULL,
        [TimeLimitAmount] int NOT NULL,
        [TimeLimitKind] int NOT NULL,
        CONSTRAINT [PK_CatalogueItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CatalogueItems_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CatalogueItems_Domains_DomainId] FOREIGN KEY ([DomainId]) REFERENCES [Domains] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CatalogueItems_Stages_StageId] FOREIGN KEY ([StageId]) REFERENCES [Stages] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [ApplicationEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [CaseId] int NOT NULL,
        [Kind] int NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [EffectiveOn] date NULL,
        [ActorId] nvarchar(64) NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [Note] nvarchar(2000) NULL,
        [DueOnAfter] date NULL,
        CONSTRAINT [PK_ApplicationEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationEvents_ApplicationCases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [ApplicationCases] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [CatalogueItemRevisions] (
        [Id] bigint NOT NULL IDENTITY,
        [CatalogueItemId] int NOT NULL,
        [RevisionNumber] int NOT NULL,
        [Change] int NOT NULL,
        [SnapshotJson] nvarchar(max) NOT NULL,
        [ActorId] nvarchar(64) NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [Reason] nvarchar(500) NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CatalogueItemRevisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CatalogueItemRevisions_CatalogueItems_CatalogueItemId] FOREIGN KEY ([CatalogueItemId]) REFERENCES [CatalogueItems] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [Records] (
        [Id] int NOT NULL IDENTITY,
        [IndexNumber] nvarchar(40) NULL,
        [DepartmentId] int NOT NULL,
        [CatalogueItemId] int NOT NULL,
        [DomainId] int NOT NULL,
        [StageId] int NOT NULL,
        [Kind] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Records] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Records_CatalogueItems_CatalogueItemId] FOREIGN KEY ([CatalogueItemId]) REFERENCES [CatalogueItems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Records_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Records_Domains_DomainId] FOREIGN KEY ([DomainId]) REFERENCES [Domains] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Records_Stages_StageId] FOREIGN KEY ([StageId]) REFERENCES [Stages] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [RecordVersions] (
        [Id] int NOT NULL IDENTITY,
        [RecordId] int NOT NULL,
        [Number] int NOT NULL,
        [State] int NOT NULL,
        [IsPublished] bit NOT NULL,
        [IsLatest] bit NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [DocumentNumber] nvarchar(100) NULL,
        [IssuingOrgan] nvarchar(200) NOT NULL,
        [TopicCategory] nvarchar(100) NULL,
        [WrittenOn] date NULL,
        [PublishedOn] date NULL,
        [Validity] int NOT NULL,
        [DisclosureAttribute] int NOT NULL,
        [NonDisclosureReason] nvarchar(500) NULL,
        [Body] nvarchar(max) NOT NULL,
        [InterpretationForm] int NULL,
        [VideoUrl] nvarchar(500) NULL,
        [DepartmentId] int NOT NULL,
        [CatalogueItemId] int NOT NULL,
        [DomainId] int NOT NULL,
        [StageId] int NOT NULL,
        [Kind] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(100) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [SubmittedAt] datetimeoffset NULL,
        [PublishedAt] datetimeoffset NULL,
        [ReturnReason] nvarchar(1000) NULL,
        [WithdrawnReason] nvarchar(1000) NULL,
        [WithdrawnAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_RecordVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RecordVersions_CatalogueItems_CatalogueItemId] FOREIGN KEY ([CatalogueItemId]) REFERENCES [CatalogueItems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RecordVersions_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RecordVersions_Domains_DomainId] FOREIGN KEY ([DomainId]) REFERENCES [Domains] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RecordVersions_Records_RecordId] FOREIGN KEY ([RecordId]) REFERENCES [Records] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RecordVersions_Stages_StageId] FOREIGN KEY ([StageId]) REFERENCES [Stages] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [Attachments] (
        [Id] int NOT NULL IDENTITY,
        [RecordVersionId] int NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [StorageKey] nvarchar(200) NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [UploadedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_Attachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Attachments_RecordVersions_RecordVersionId] FOREIGN KEY ([RecordVersionId]) REFERENCES [RecordVersions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [InterpretationLinks] (
        [Id] int NOT NULL IDENTITY,
        [InterpretationRecordId] int NOT NULL,
        [RecordVersionId] int NOT NULL,
        [PolicyRecordId] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_InterpretationLinks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InterpretationLinks_RecordVersions_RecordVersionId] FOREIGN KEY ([RecordVersionId]) REFERENCES [RecordVersions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_InterpretationLinks_Records_InterpretationRecordId] FOREIGN KEY ([InterpretationRecordId]) REFERENCES [Records] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_InterpretationLinks_Records_PolicyRecordId] FOREIGN KEY ([PolicyRecordId]) REFERENCES [Records] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [InterpretationQuestions] (
        [Id] int NOT NULL IDENTITY,
        [RecordVersionId] int NOT NULL,
        [Position] int NOT NULL,
        [Question] nvarchar(300) NOT NULL,
        [Answer] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_InterpretationQuestions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InterpretationQuestions_RecordVersions_RecordVersionId] FOREIGN KEY ([RecordVersionId]) REFERENCES [RecordVersions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE TABLE [ReviewDecisions] (
        [Id] bigint NOT NULL IDENTITY,
        [RecordVersionId] int NOT NULL,
        [Step] int NOT NULL,
        [Outcome] int NOT NULL,
        [ReviewerId] nvarchar(64) NULL,
        [ReviewerName] nvarchar(100) NOT NULL,
        [Comment] nvarchar(2000) NULL,
        [DecidedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ReviewDecisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReviewDecisions_RecordVersions_RecordVersionId] FOREIGN KEY ([RecordVersionId]) REFERENCES [RecordVersions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AnnualReports_Year] ON [AnnualReports] ([Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_ApplicationCases_AssignedDepartmentId] ON [ApplicationCases] ([AssignedDepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_ApplicationCases_IdentityIndex_ReceivedOn] ON [ApplicationCases] ([IdentityIndex], [ReceivedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApplicationCases_QueryCode] ON [ApplicationCases] ([QueryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_ApplicationCases_ReceivedOn] ON [ApplicationCases] ([ReceivedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_ApplicationCases_State_DueOn] ON [ApplicationCases] ([State], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_ApplicationEvents_CaseId] ON [ApplicationEvents] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_DepartmentId] ON [AspNetUsers] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_Attachments_RecordVersionId] ON [Attachments] ([RecordVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_AuditEvents_EntityType_EntityId] ON [AuditEvents] ([EntityType], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AuditEvents_Sequence] ON [AuditEvents] ([Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CatalogueItemRevisions_CatalogueItemId_RevisionNumber] ON [CatalogueItemRevisions] ([CatalogueItemId], [RevisionNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_CatalogueItems_DepartmentId_Status] ON [CatalogueItems] ([DepartmentId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_CatalogueItems_DomainId_StageId_Status_SortOrder] ON [CatalogueItems] ([DomainId], [StageId], [Status], [SortOrder]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_CatalogueItems_StageId] ON [CatalogueItems] ([StageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Departments_Name] ON [Departments] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Departments_OrganisationCode] ON [Departments] ([OrganisationCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Domains_Code] ON [Domains] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_InterpretationLinks_InterpretationRecordId] ON [InterpretationLinks] ([InterpretationRecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_InterpretationLinks_PolicyRecordId] ON [InterpretationLinks] ([PolicyRecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InterpretationLinks_RecordVersionId_PolicyRecordId] ON [InterpretationLinks] ([RecordVersionId], [PolicyRecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InterpretationQuestions_RecordVersionId_Position] ON [InterpretationQuestions] ([RecordVersionId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_PublishedCounts_DepartmentId] ON [PublishedCounts] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_PublishedCounts_DomainId_StageId] ON [PublishedCounts] ([DomainId], [StageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_Records_CatalogueItemId] ON [Records] ([CatalogueItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_Records_DepartmentId] ON [Records] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_Records_DomainId] ON [Records] ([DomainId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Records_IndexNumber] ON [Records] ([IndexNumber]) WHERE [IndexNumber] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_Records_StageId] ON [Records] ([StageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_RecordVersions_OneLatest] ON [RecordVersions] ([RecordId]) WHERE [IsLatest] = CAST(1 AS bit)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_RecordVersions_OnePublished] ON [RecordVersions] ([RecordId]) WHERE [IsPublished] = CAST(1 AS bit)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_RecordVersions_Published_Date] ON [RecordVersions] ([PublishedOn], [Id]) WHERE [IsPublished] = CAST(1 AS bit)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_RecordVersions_Published_Department] ON [RecordVersions] ([DepartmentId], [PublishedOn], [Id]) WHERE [IsPublished] = CAST(1 AS bit)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_RecordVersions_Published_Domain] ON [RecordVersions] ([DomainId], [StageId], [PublishedOn], [Id]) WHERE [IsPublished] = CAST(1 AS bit)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_RecordVersions_Published_Item] ON [RecordVersions] ([CatalogueItemId], [PublishedOn], [Id]) WHERE [IsPublished] = CAST(1 AS bit)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RecordVersions_RecordId_Number] ON [RecordVersions] ([RecordId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_RecordVersions_StageId] ON [RecordVersions] ([StageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_RecordVersions_State_Department] ON [RecordVersions] ([State], [DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_ReviewDecisions_RecordVersionId] ON [ReviewDecisions] ([RecordVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_SearchEntries_CatalogueItemId] ON [SearchEntries] ([CatalogueItemId]) WHERE [CatalogueItemId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE INDEX [IX_SearchEntries_RecordId] ON [SearchEntries] ([RecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_SearchEntries_RecordVersionId] ON [SearchEntries] ([RecordVersionId]) WHERE [RecordVersionId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Stages_Code] ON [Stages] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE TRIGGER [RecordVersions_Search] ON [RecordVersions] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
           AND NOT (UPDATE([IsPublished]) OR UPDATE([Title]) OR UPDATE([DocumentNumber]) OR UPDATE([Body]) OR UPDATE([PublishedOn])
                    OR UPDATE([Validity]) OR UPDATE([Kind]) OR UPDATE([DomainId]) OR UPDATE([StageId]) OR UPDATE([DepartmentId]))
            RETURN;
        DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[RecordVersionId] = d.[Id];
        INSERT INTO [SearchEntries] ([Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], [DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn])
        SELECT CAST(DATEDIFF(day, ''19700101'', COALESCE(v.[PublishedOn], ''19700101'')) AS bigint) * 4294967296 + v.[Id], 1, v.[RecordId], v.[Id], NULL,
               v.[Title], v.[DocumentNumber], r.[IndexNumber], v.[Body], v.[DomainId], v.[StageId], v.[DepartmentId], v.[Kind], v.[Validity], v.[PublishedOn]
        FROM inserted AS n
        JOIN [RecordVersions] AS v ON v.[Id] = n.[Id]
        JOIN [Records] AS r ON r.[Id] = v.[RecordId]
        WHERE v.[IsPublished] = 1;
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE TRIGGER [Records_Search] ON [Records] AFTER UPDATE AS
    BEGIN
        SET NOCOUNT ON;
        IF NOT UPDATE([IndexNumber]) RETURN;
        UPDATE e SET e.[IndexNumber] = n.[IndexNumber] FROM [SearchEntries] AS e JOIN inserted AS n ON e.[RecordId] = n.[Id];
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE TRIGGER [CatalogueItems_Search] ON [CatalogueItems] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
           AND NOT (UPDATE([NameLevel1]) OR UPDATE([NameLevel2]) OR UPDATE([Content]) OR UPDATE([Basis]) OR UPDATE([Status])
                    OR UPDATE([DomainId]) OR UPDATE([StageId]) OR UPDATE([DepartmentId]))
            RETURN;
        DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[CatalogueItemId] = d.[Id];
        INSERT INTO [SearchEntries] ([Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], [DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn])
        SELECT -i.[Id], 2, NULL, NULL, i.[Id], i.[NameLevel1] + N'' · '' + i.[NameLevel2], NULL, NULL, i.[Content] + N'' '' + i.[Basis],
               i.[DomainId], i.[StageId], i.[DepartmentId], NULL, NULL, NULL
        FROM inserted AS n
        JOIN [CatalogueItems] AS i ON i.[Id] = n.[Id]
        WHERE i.[Status] = 1;
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE TRIGGER [RecordVersions_Counts] ON [RecordVersions] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
           AND NOT (UPDATE([IsPublished]) OR UPDATE([CatalogueItemId]) OR UPDATE([DomainId]) OR UPDATE([StageId]) OR UPDATE([DepartmentId]))
            RETURN;
        UPDATE c SET c.[Count] = c.[Count] - d.[N]
        FROM [PublishedCounts] AS c
        JOIN (SELECT [CatalogueItemId], [DomainId], [StageId], [DepartmentId], COUNT(*) AS [N] FROM deleted WHERE [IsPublished] = 1
              GROUP BY [CatalogueItemId], [DomainId], [StageId], [DepartmentId]) AS d
          ON c.[CatalogueItemId] = d.[CatalogueItemId] AND c.[DomainId] = d.[DomainId] AND c.[StageId] = d.[StageId] AND c.[DepartmentId] = d.[DepartmentId];
        MERGE [PublishedCounts] WITH (HOLDLOCK) AS c
        USING (SELECT [CatalogueItemId], [DomainId], [StageId], [DepartmentId], COUNT(*) AS [N] FROM inserted WHERE [IsPublished] = 1
               GROUP BY [CatalogueItemId], [DomainId], [StageId], [DepartmentId]) AS n
          ON c.[CatalogueItemId] = n.[CatalogueItemId] AND c.[DomainId] = n.[DomainId] AND c.[StageId] = n.[StageId] AND c.[DepartmentId] = n.[DepartmentId]
        WHEN MATCHED THEN UPDATE SET c.[Count] = c.[Count] + n.[N]
        WHEN NOT MATCHED THEN INSERT ([CatalogueItemId], [DomainId], [StageId], [DepartmentId], [Count])
             VALUES (n.[CatalogueItemId], n.[DomainId], n.[StageId], n.[DepartmentId], n.[N]);
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    INSERT INTO [AuditChainHeads] ([Id], [Sequence], [LastHash]) SELECT 1, COUNT(*), NULL FROM [AuditEvents];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    EXEC(N'CREATE TRIGGER [AuditEvents_AppendOnly] ON [AuditEvents] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF NOT EXISTS (SELECT 1 FROM deleted)
        BEGIN
            IF EXISTS (SELECT 1 FROM inserted WHERE [Hash] IS NULL)
                THROW 50023, N''AuditEvents are append-only: an audit event must be chained'', 1;
            RETURN;
        END
        IF NOT EXISTS (SELECT 1 FROM inserted)
            THROW 50023, N''AuditEvents are append-only: an audit event cannot be deleted'', 1;
        IF EXISTS (
            SELECT 1 FROM inserted AS n JOIN deleted AS o ON o.[Id] = n.[Id]
            WHERE NOT (o.[Hash] IS NULL AND n.[Hash] IS NOT NULL)
               OR EXISTS (SELECT n.[Sequence], n.[OccurredAt], n.[ActorId], n.[ActorName], n.[Action], n.[EntityType], n.[EntityId], n.[Summary]
                          EXCEPT
                          SELECT o.[Sequence], o.[OccurredAt], o.[ActorId], o.[ActorName], o.[Action], o.[EntityType], o.[EntityId], o.[Summary]))
           OR (SELECT COUNT(*) FROM inserted) <> (SELECT COUNT(*) FROM inserted AS n JOIN deleted AS o ON o.[Id] = n.[Id])
            THROW 50023, N''AuditEvents are append-only: an audit event cannot be changed'', 1;
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206040738_Baseline'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206040738_Baseline', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206103004_ApplicantDocumentsAndReplyFiles'
)
BEGIN
    ALTER TABLE [ApplicationCases] ADD [IdentityDocument] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206103004_ApplicantDocumentsAndReplyFiles'
)
BEGIN
    EXEC(N'UPDATE [ApplicationCases] SET [IdentityDocument] = 1 WHERE [ApplicantKind] = 1;');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206103004_ApplicantDocumentsAndReplyFiles'
)
BEGIN
    CREATE TABLE [ReplyAttachments] (
        [Id] int NOT NULL IDENTITY,
        [CaseId] int NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [StorageKey] nvarchar(200) NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [UploadedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_ReplyAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReplyAttachments_ApplicationCases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [ApplicationCases] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206103004_ApplicantDocumentsAndReplyFiles'
)
BEGIN
    CREATE INDEX [IX_ReplyAttachments_CaseId] ON [ReplyAttachments] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206103004_ApplicantDocumentsAndReplyFiles'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206103004_ApplicantDocumentsAndReplyFiles', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206122833_Notifications'
)
BEGIN
    ALTER TABLE [ApplicationCases] ADD [NotifyEmail] nvarchar(512) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206122833_Notifications'
)
BEGIN
    CREATE TABLE [OutboxMails] (
        [Id] int NOT NULL IDENTITY,
        [To] nvarchar(254) NOT NULL,
        [Subject] nvarchar(200) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [SentAt] datetimeoffset NULL,
        [LastError] nvarchar(500) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_OutboxMails] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206122833_Notifications'
)
BEGIN
    CREATE TABLE [StaffNotifications] (
        [Id] int NOT NULL IDENTITY,
        [RecipientUserId] nvarchar(64) NULL,
        [RecipientDepartmentId] int NULL,
        [RecipientRole] nvarchar(32) NULL,
        [Text] nvarchar(500) NOT NULL,
        [Link] nvarchar(500) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ReadAt] datetimeoffset NULL,
        CONSTRAINT [PK_StaffNotifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206122833_Notifications'
)
BEGIN
    CREATE INDEX [IX_OutboxMails_SentAt_NextAttemptAt] ON [OutboxMails] ([SentAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206122833_Notifications'
)
BEGIN
    CREATE INDEX [IX_StaffNotifications_ReadAt_CreatedAt] ON [StaffNotifications] ([ReadAt], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206122833_Notifications'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206122833_Notifications', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124956_PublicResponses'
)
BEGIN
    ALTER TABLE [RecordVersions] ADD [ConcernDate] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124956_PublicResponses'
)
BEGIN
    ALTER TABLE [RecordVersions] ADD [ConcernSource] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124956_PublicResponses'
)
BEGIN
    ALTER TABLE [RecordVersions] ADD [ConcernSummary] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124956_PublicResponses'
)
BEGIN
    ALTER TABLE [RecordVersions] ADD [ConferenceDate] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124956_PublicResponses'
)
BEGIN
    ALTER TABLE [RecordVersions] ADD [ConferencePlace] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124956_PublicResponses'
)
BEGIN
    ALTER TABLE [RecordVersions] ADD [ConferenceTime] time NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124956_PublicResponses'
)
BEGIN
    ALTER TABLE [RecordVersions] ADD [Speakers] nvarchar(3000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124956_PublicResponses'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_RecordVersions_Published_Kind] ON [RecordVersions] ([Kind], [PublishedOn], [Id]) WHERE [IsPublished] = CAST(1 AS bit)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124956_PublicResponses'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206124956_PublicResponses', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE TABLE [Messages] (
        [Id] int NOT NULL IDENTITY,
        [QueryCode] nvarchar(20) NOT NULL,
        [Kind] int NOT NULL,
        [Subject] nvarchar(100) NOT NULL,
        [Body] nvarchar(3000) NOT NULL,
        [DomainId] int NULL,
        [AddressedDepartmentId] int NULL,
        [ContactName] nvarchar(1024) NOT NULL,
        [ContactPhone] nvarchar(1024) NULL,
        [ContactEmail] nvarchar(1024) NULL,
        [ContactRemovedAt] datetimeoffset NULL,
        [PublicationConsent] bit NOT NULL,
        [Published] bit NOT NULL,
        [State] int NOT NULL,
        [HeldFor] nvarchar(1000) NULL,
        [SubmittedAt] datetimeoffset NOT NULL,
        [WrittenOn] date NOT NULL,
        [AcceptDueOn] date NOT NULL,
        [AssignedDepartmentId] int NULL,
        [AcceptedOn] date NULL,
        [ReplyDueOn] date NULL,
        [ExtensionWorkingDays] int NOT NULL,
        [ExtensionReason] nvarchar(500) NULL,
        [DeclineReason] int NULL,
        [DeclineNote] nvarchar(500) NULL,
        [Reply] nvarchar(max) NULL,
        [ReplyDraftedBy] nvarchar(100) NULL,
        [AnsweredOn] date NULL,
        [ClosedOn] date NULL,
        [DueSoonRemindedOn] date NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Messages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Messages_Departments_AddressedDepartmentId] FOREIGN KEY ([AddressedDepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Messages_Departments_AssignedDepartmentId] FOREIGN KEY ([AssignedDepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Messages_Domains_DomainId] FOREIGN KEY ([DomainId]) REFERENCES [Domains] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE TABLE [SensitiveWords] (
        [Id] int NOT NULL IDENTITY,
        [Word] nvarchar(50) NOT NULL,
        [AddedAt] datetimeoffset NOT NULL,
        [AddedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_SensitiveWords] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE TABLE [MessageEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [MessageId] int NOT NULL,
        [Kind] int NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [ActorId] nvarchar(64) NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [Note] nvarchar(2000) NULL,
        CONSTRAINT [PK_MessageEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MessageEvents_Messages_MessageId] FOREIGN KEY ([MessageId]) REFERENCES [Messages] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE INDEX [IX_MessageEvents_MessageId] ON [MessageEvents] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE INDEX [IX_Messages_AddressedDepartmentId] ON [Messages] ([AddressedDepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE INDEX [IX_Messages_AssignedDepartmentId] ON [Messages] ([AssignedDepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE INDEX [IX_Messages_DomainId] ON [Messages] ([DomainId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE INDEX [IX_Messages_Published_AnsweredOn] ON [Messages] ([Published], [AnsweredOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Messages_QueryCode] ON [Messages] ([QueryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE INDEX [IX_Messages_State_AssignedDepartmentId] ON [Messages] ([State], [AssignedDepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE INDEX [IX_Messages_WrittenOn] ON [Messages] ([WrittenOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SensitiveWords_Word] ON [SensitiveWords] ([Word]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206132525_Messages'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206132525_Messages', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE TABLE [Consultations] (
        [Id] int NOT NULL IDENTITY,
        [DepartmentId] int NOT NULL,
        [CatalogueItemId] int NOT NULL,
        [DomainId] int NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [DraftBody] nvarchar(max) NOT NULL,
        [DraftingExplanation] nvarchar(max) NOT NULL,
        [StartsOn] date NOT NULL,
        [EndsOn] date NOT NULL,
        [ShortPeriodReason] nvarchar(1000) NULL,
        [AcceptsOnline] bit NOT NULL,
        [Email] nvarchar(200) NULL,
        [PostalAddress] nvarchar(300) NULL,
        [State] int NOT NULL,
        [ReturnReason] nvarchar(1000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [ApprovedAt] datetimeoffset NULL,
        [DecisionRecordId] int NULL,
        [FeedbackPublishedOn] date NULL,
        [ReceivedCount] int NULL,
        [AdoptedCount] int NULL,
        [AdoptedReason] nvarchar(4000) NULL,
        [PartlyAdoptedCount] int NULL,
        [PartlyAdoptedReason] nvarchar(4000) NULL,
        [NotAdoptedCount] int NULL,
        [NotAdoptedReason] nvarchar(4000) NULL,
        [ContactsRemovedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Consultations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Consultations_CatalogueItems_CatalogueItemId] FOREIGN KEY ([CatalogueItemId]) REFERENCES [CatalogueItems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Consultations_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Consultations_Domains_DomainId] FOREIGN KEY ([DomainId]) REFERENCES [Domains] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Consultations_Records_DecisionRecordId] FOREIGN KEY ([DecisionRecordId]) REFERENCES [Records] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE TABLE [ConsultationAttachments] (
        [Id] int NOT NULL IDENTITY,
        [ConsultationId] int NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [StorageKey] nvarchar(200) NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [UploadedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_ConsultationAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ConsultationAttachments_Consultations_ConsultationId] FOREIGN KEY ([ConsultationId]) REFERENCES [Consultations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE TABLE [ConsultationComments] (
        [Id] bigint NOT NULL IDENTITY,
        [ConsultationId] int NOT NULL,
        [Channel] int NOT NULL,
        [ReceivedOn] date NOT NULL,
        [ReceivedAt] datetimeoffset NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [PublicName] nvarchar(50) NULL,
        [MayPublish] bit NOT NULL,
        [NameSealed] nvarchar(512) NULL,
        [PhoneSealed] nvarchar(512) NULL,
        [EmailSealed] nvarchar(512) NULL,
        [AddressSealed] nvarchar(1024) NULL,
        [EnteredBy] nvarchar(100) NULL,
        [Moderation] int NOT NULL,
        [ModeratedAt] datetimeoffset NULL,
        [ModeratedBy] nvarchar(100) NULL,
        CONSTRAINT [PK_ConsultationComments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ConsultationComments_Consultations_ConsultationId] FOREIGN KEY ([ConsultationId]) REFERENCES [Consultations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE TABLE [ConsultationEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [ConsultationId] int NOT NULL,
        [Kind] int NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [ActorId] nvarchar(64) NULL,
        [Note] nvarchar(2000) NULL,
        CONSTRAINT [PK_ConsultationEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ConsultationEvents_Consultations_ConsultationId] FOREIGN KEY ([ConsultationId]) REFERENCES [Consultations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE TABLE [ConsultationQuestions] (
        [Id] int NOT NULL IDENTITY,
        [ConsultationId] int NOT NULL,
        [Position] int NOT NULL,
        [Text] nvarchar(300) NOT NULL,
        [Kind] int NOT NULL,
        [Options] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_ConsultationQuestions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ConsultationQuestions_Consultations_ConsultationId] FOREIGN KEY ([ConsultationId]) REFERENCES [Consultations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE TABLE [ConsultationAnswers] (
        [Id] bigint NOT NULL IDENTITY,
        [CommentId] bigint NOT NULL,
        [QuestionId] int NOT NULL,
        [Option] int NULL,
        [Text] nvarchar(2000) NULL,
        CONSTRAINT [PK_ConsultationAnswers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ConsultationAnswers_ConsultationComments_CommentId] FOREIGN KEY ([CommentId]) REFERENCES [ConsultationComments] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ConsultationAnswers_ConsultationQuestions_QuestionId] FOREIGN KEY ([QuestionId]) REFERENCES [ConsultationQuestions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_ConsultationAnswers_CommentId] ON [ConsultationAnswers] ([CommentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_ConsultationAnswers_QuestionId] ON [ConsultationAnswers] ([QuestionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_ConsultationAttachments_ConsultationId] ON [ConsultationAttachments] ([ConsultationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_ConsultationComments_ConsultationId_Moderation_Id] ON [ConsultationComments] ([ConsultationId], [Moderation], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_ConsultationEvents_ConsultationId] ON [ConsultationEvents] ([ConsultationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_ConsultationQuestions_ConsultationId_Position] ON [ConsultationQuestions] ([ConsultationId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_Consultations_CatalogueItemId] ON [Consultations] ([CatalogueItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_Consultations_DecisionRecordId] ON [Consultations] ([DecisionRecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_Consultations_DepartmentId] ON [Consultations] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_Consultations_DomainId_State] ON [Consultations] ([DomainId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    CREATE INDEX [IX_Consultations_State_EndsOn] ON [Consultations] ([State], [EndsOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206135524_Consultations'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206135524_Consultations', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206153740_SiteIdentity'
)
BEGIN
    CREATE TABLE [SiteIdentity] (
        [Id] int NOT NULL,
        [Name] nvarchar(60) NOT NULL,
        [ShortName] nvarchar(30) NOT NULL,
        [NameEn] nvarchar(200) NULL,
        [SiteName] nvarchar(60) NOT NULL,
        [SiteNameEn] nvarchar(200) NULL,
        [Sponsor] nvarchar(60) NOT NULL,
        [Operator] nvarchar(60) NULL,
        [DisclosureOffice] nvarchar(200) NOT NULL,
        [Address] nvarchar(200) NOT NULL,
        [Postcode] nvarchar(6) NULL,
        [Telephone] nvarchar(40) NOT NULL,
        [Hotline] nvarchar(40) NULL,
        [OfficeHours] nvarchar(200) NULL,
        [Email] nvarchar(100) NULL,
        [WebsiteCode] nvarchar(10) NULL,
        [IcpNumber] nvarchar(60) NULL,
        [PoliceNumber] nvarchar(60) NULL,
        [FooterLinks] nvarchar(2000) NULL,
        [FooterNote] nvarchar(200) NULL,
        [GuideText] nvarchar(max) NULL,
        [ReplyLetterhead] nvarchar(60) NOT NULL,
        [ReviewOrgan] nvarchar(60) NOT NULL,
        [Court] nvarchar(60) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [UpdatedBy] nvarchar(100) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_SiteIdentity] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206153740_SiteIdentity'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206153740_SiteIdentity', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    ALTER TABLE [Departments] ADD [Level] int NOT NULL DEFAULT 1;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    ALTER TABLE [Departments] ADD [ParentId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [Powers] (
        [Id] int NOT NULL IDENTITY,
        [DepartmentId] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Powers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Powers_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [ServiceGuides] (
        [Id] int NOT NULL IDENTITY,
        [DepartmentId] int NOT NULL,
        [DomainId] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [LegalBasis] nvarchar(4000) NOT NULL,
        [Conditions] nvarchar(4000) NOT NULL,
        [TimeLimit] nvarchar(300) NOT NULL,
        [Fees] nvarchar(300) NOT NULL,
        [PlaceAndHours] nvarchar(300) NOT NULL,
        [ConsultationPhone] nvarchar(100) NOT NULL,
        [ComplaintPhone] nvarchar(100) NOT NULL,
        [State] int NOT NULL,
        [ReturnReason] nvarchar(1000) NULL,
        [PublishedOn] date NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [RevisionOfId] int NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ServiceGuides] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ServiceGuides_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ServiceGuides_Domains_DomainId] FOREIGN KEY ([DomainId]) REFERENCES [Domains] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ServiceGuides_ServiceGuides_RevisionOfId] FOREIGN KEY ([RevisionOfId]) REFERENCES [ServiceGuides] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [UnitProfiles] (
        [Id] int NOT NULL IDENTITY,
        [DepartmentId] int NOT NULL,
        [Number] int NOT NULL,
        [State] int NOT NULL,
        [Functions] nvarchar(max) NOT NULL,
        [Address] nvarchar(300) NULL,
        [OfficeHours] nvarchar(200) NULL,
        [Phone] nvarchar(50) NULL,
        [ComplaintPhone] nvarchar(50) NULL,
        [Email] nvarchar(200) NULL,
        [ReturnReason] nvarchar(1000) NULL,
        [CreatedBy] nvarchar(100) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [SubmittedAt] datetimeoffset NULL,
        [PublishedBy] nvarchar(100) NULL,
        [PublishedAt] datetimeoffset NULL,
        [SupersededAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_UnitProfiles] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_UnitProfiles_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [PowerEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [PowerId] int NOT NULL,
        [Kind] int NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [ActorId] nvarchar(64) NULL,
        [Note] nvarchar(1000) NULL,
        CONSTRAINT [PK_PowerEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PowerEvents_Powers_PowerId] FOREIGN KEY ([PowerId]) REFERENCES [Powers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [PowerRevisions] (
        [Id] int NOT NULL IDENTITY,
        [PowerId] int NOT NULL,
        [Number] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Category] int NOT NULL,
        [LegalBasis] nvarchar(4000) NOT NULL,
        [Office] nvarchar(100) NOT NULL,
        [Staff] nvarchar(200) NULL,
        [State] int NOT NULL,
        [ChangedOn] date NULL,
        [PublishedOn] date NULL,
        [ReturnReason] nvarchar(1000) NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PowerRevisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PowerRevisions_Powers_PowerId] FOREIGN KEY ([PowerId]) REFERENCES [Powers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [GuideEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [GuideId] int NOT NULL,
        [Kind] int NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [ActorId] nvarchar(64) NULL,
        [Note] nvarchar(1000) NULL,
        CONSTRAINT [PK_GuideEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_GuideEvents_ServiceGuides_GuideId] FOREIGN KEY ([GuideId]) REFERENCES [ServiceGuides] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [GuideSituations] (
        [Id] int NOT NULL IDENTITY,
        [Position] int NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [GuideId] int NOT NULL,
        CONSTRAINT [PK_GuideSituations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_GuideSituations_ServiceGuides_GuideId] FOREIGN KEY ([GuideId]) REFERENCES [ServiceGuides] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [GuideSteps] (
        [Id] int NOT NULL IDENTITY,
        [Position] int NOT NULL,
        [Actor] nvarchar(50) NOT NULL,
        [Action] nvarchar(200) NOT NULL,
        [TimeLimit] nvarchar(100) NULL,
        [GuideId] int NOT NULL,
        CONSTRAINT [PK_GuideSteps] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_GuideSteps_ServiceGuides_GuideId] FOREIGN KEY ([GuideId]) REFERENCES [ServiceGuides] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [GuideTemplates] (
        [Id] int NOT NULL IDENTITY,
        [GuideId] int NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [StorageKey] nvarchar(200) NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [UploadedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_GuideTemplates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_GuideTemplates_ServiceGuides_GuideId] FOREIGN KEY ([GuideId]) REFERENCES [ServiceGuides] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [UnitLeaders] (
        [Id] int NOT NULL IDENTITY,
        [ProfileId] int NOT NULL,
        [Position] int NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [Post] nvarchar(100) NOT NULL,
        [Duties] nvarchar(2000) NULL,
        CONSTRAINT [PK_UnitLeaders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_UnitLeaders_UnitProfiles_ProfileId] FOREIGN KEY ([ProfileId]) REFERENCES [UnitProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [UnitOffices] (
        [Id] int NOT NULL IDENTITY,
        [ProfileId] int NOT NULL,
        [Position] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Duties] nvarchar(2000) NULL,
        [Phone] nvarchar(50) NULL,
        CONSTRAINT [PK_UnitOffices] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_UnitOffices_UnitProfiles_ProfileId] FOREIGN KEY ([ProfileId]) REFERENCES [UnitProfiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [PowerSteps] (
        [Id] int NOT NULL IDENTITY,
        [Position] int NOT NULL,
        [Actor] nvarchar(50) NOT NULL,
        [Action] nvarchar(200) NOT NULL,
        [TimeLimit] nvarchar(100) NULL,
        [RevisionId] int NOT NULL,
        CONSTRAINT [PK_PowerSteps] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PowerSteps_PowerRevisions_RevisionId] FOREIGN KEY ([RevisionId]) REFERENCES [PowerRevisions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE TABLE [GuideMaterials] (
        [Id] int NOT NULL IDENTITY,
        [Position] int NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Form] int NOT NULL,
        [Count] int NOT NULL,
        [TemplateId] int NULL,
        [SituationId] int NOT NULL,
        CONSTRAINT [PK_GuideMaterials] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_GuideMaterials_GuideSituations_SituationId] FOREIGN KEY ([SituationId]) REFERENCES [GuideSituations] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_GuideMaterials_GuideTemplates_TemplateId] FOREIGN KEY ([TemplateId]) REFERENCES [GuideTemplates] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_Departments_Level_ParentId] ON [Departments] ([Level], [ParentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_Departments_ParentId] ON [Departments] ([ParentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_GuideEvents_GuideId] ON [GuideEvents] ([GuideId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_GuideMaterials_SituationId] ON [GuideMaterials] ([SituationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_GuideMaterials_TemplateId] ON [GuideMaterials] ([TemplateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_GuideSituations_GuideId] ON [GuideSituations] ([GuideId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_GuideSteps_GuideId] ON [GuideSteps] ([GuideId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_GuideTemplates_GuideId] ON [GuideTemplates] ([GuideId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_PowerEvents_PowerId] ON [PowerEvents] ([PowerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PowerRevisions_PowerId_Number] ON [PowerRevisions] ([PowerId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_PowerRevisions_State_Category] ON [PowerRevisions] ([State], [Category]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_Powers_DepartmentId] ON [Powers] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_PowerSteps_RevisionId] ON [PowerSteps] ([RevisionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_ServiceGuides_DepartmentId] ON [ServiceGuides] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_ServiceGuides_DomainId_State] ON [ServiceGuides] ([DomainId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_ServiceGuides_RevisionOfId] ON [ServiceGuides] ([RevisionOfId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_UnitLeaders_ProfileId_Position] ON [UnitLeaders] ([ProfileId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_UnitOffices_ProfileId_Position] ON [UnitOffices] ([ProfileId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE UNIQUE INDEX [IX_UnitProfiles_DepartmentId_Number] ON [UnitProfiles] ([DepartmentId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    CREATE INDEX [IX_UnitProfiles_State_DepartmentId] ON [UnitProfiles] ([State], [DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    ALTER TABLE [Departments] ADD CONSTRAINT [FK_Departments_Departments_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206171944_UnitsPowersAndGuides'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206171944_UnitsPowersAndGuides', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[RecordVersions]') AND [c].[name] = N'StageId');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [RecordVersions] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [RecordVersions] ALTER COLUMN [StageId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    DECLARE @var1 nvarchar(max);
    SELECT @var1 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[RecordVersions]') AND [c].[name] = N'DomainId');
    IF @var1 IS NOT NULL EXEC(N'ALTER TABLE [RecordVersions] DROP CONSTRAINT ' + @var1 + ';');
    ALTER TABLE [RecordVersions] ALTER COLUMN [DomainId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    DECLARE @var2 nvarchar(max);
    SELECT @var2 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[RecordVersions]') AND [c].[name] = N'CatalogueItemId');
    IF @var2 IS NOT NULL EXEC(N'ALTER TABLE [RecordVersions] DROP CONSTRAINT ' + @var2 + ';');
    ALTER TABLE [RecordVersions] ALTER COLUMN [CatalogueItemId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    ALTER TABLE [RecordVersions] ADD [ColumnId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    ALTER TABLE [RecordVersions] ADD [IsSummary] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    DECLARE @var3 nvarchar(max);
    SELECT @var3 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Records]') AND [c].[name] = N'StageId');
    IF @var3 IS NOT NULL EXEC(N'ALTER TABLE [Records] DROP CONSTRAINT ' + @var3 + ';');
    ALTER TABLE [Records] ALTER COLUMN [StageId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    DECLARE @var4 nvarchar(max);
    SELECT @var4 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Records]') AND [c].[name] = N'DomainId');
    IF @var4 IS NOT NULL EXEC(N'ALTER TABLE [Records] DROP CONSTRAINT ' + @var4 + ';');
    ALTER TABLE [Records] ALTER COLUMN [DomainId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    DECLARE @var5 nvarchar(max);
    SELECT @var5 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Records]') AND [c].[name] = N'CatalogueItemId');
    IF @var5 IS NOT NULL EXEC(N'ALTER TABLE [Records] DROP CONSTRAINT ' + @var5 + ';');
    ALTER TABLE [Records] ALTER COLUMN [CatalogueItemId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    ALTER TABLE [Records] ADD [ColumnId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    CREATE TABLE [DisclosureColumns] (
        [Id] int NOT NULL IDENTITY,
        [ParentId] int NULL,
        [NameZh] nvarchar(60) NOT NULL,
        [NameEn] nvarchar(120) NOT NULL,
        [Citation] nvarchar(100) NULL,
        [SortOrder] int NOT NULL,
        [IsRetired] bit NOT NULL,
        [RetiredAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_DisclosureColumns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DisclosureColumns_DisclosureColumns_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [DisclosureColumns] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_RecordVersions_Published_Column] ON [RecordVersions] ([ColumnId], [PublishedOn], [Id]) WHERE [IsPublished] = CAST(1 AS bit)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    CREATE INDEX [IX_Records_ColumnId] ON [Records] ([ColumnId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    CREATE INDEX [IX_DisclosureColumns_ParentId_SortOrder] ON [DisclosureColumns] ([ParentId], [SortOrder]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    ALTER TABLE [Records] ADD CONSTRAINT [FK_Records_DisclosureColumns_ColumnId] FOREIGN KEY ([ColumnId]) REFERENCES [DisclosureColumns] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    ALTER TABLE [RecordVersions] ADD CONSTRAINT [FK_RecordVersions_DisclosureColumns_ColumnId] FOREIGN KEY ([ColumnId]) REFERENCES [DisclosureColumns] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206185851_DisclosureColumns'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206185851_DisclosureColumns', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206190004_RecordTriggersForColumns'
)
BEGIN
    EXEC(N'CREATE OR ALTER TRIGGER [RecordVersions_Search] ON [RecordVersions] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
           AND NOT (UPDATE([IsPublished]) OR UPDATE([Title]) OR UPDATE([DocumentNumber]) OR UPDATE([Body]) OR UPDATE([PublishedOn])
                    OR UPDATE([Validity]) OR UPDATE([Kind]) OR UPDATE([DomainId]) OR UPDATE([StageId]) OR UPDATE([DepartmentId]))
            RETURN;
        DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[RecordVersionId] = d.[Id];
        INSERT INTO [SearchEntries] ([Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], [DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn])
        SELECT CAST(DATEDIFF(day, ''19700101'', COALESCE(v.[PublishedOn], ''19700101'')) AS bigint) * 4294967296 + v.[Id], 1, v.[RecordId], v.[Id], NULL,
               v.[Title], v.[DocumentNumber], r.[IndexNumber], v.[Body], COALESCE(v.[DomainId], 0), COALESCE(v.[StageId], 0), v.[DepartmentId],
               v.[Kind], v.[Validity], v.[PublishedOn]
        FROM inserted AS n
        JOIN [RecordVersions] AS v ON v.[Id] = n.[Id]
        JOIN [Records] AS r ON r.[Id] = v.[RecordId]
        WHERE v.[IsPublished] = 1;
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206190004_RecordTriggersForColumns'
)
BEGIN
    EXEC(N'CREATE OR ALTER TRIGGER [RecordVersions_Counts] ON [RecordVersions] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
           AND NOT (UPDATE([IsPublished]) OR UPDATE([CatalogueItemId]) OR UPDATE([DomainId]) OR UPDATE([StageId]) OR UPDATE([DepartmentId]))
            RETURN;
        UPDATE c SET c.[Count] = c.[Count] - d.[N]
        FROM [PublishedCounts] AS c
        JOIN (SELECT COALESCE([CatalogueItemId], 0) AS [CatalogueItemId], COALESCE([DomainId], 0) AS [DomainId], COALESCE([StageId], 0) AS [StageId],
                     [DepartmentId], COUNT(*) AS [N] FROM deleted WHERE [IsPublished] = 1
              GROUP BY COALESCE([CatalogueItemId], 0), COALESCE([DomainId], 0), COALESCE([StageId], 0), [DepartmentId]) AS d
          ON c.[CatalogueItemId] = d.[CatalogueItemId] AND c.[DomainId] = d.[DomainId] AND c.[StageId] = d.[StageId] AND c.[DepartmentId] = d.[DepartmentId];
        MERGE [PublishedCounts] WITH (HOLDLOCK) AS c
        USING (SELECT COALESCE([CatalogueItemId], 0) AS [CatalogueItemId], COALESCE([DomainId], 0) AS [DomainId], COALESCE([StageId], 0) AS [StageId],
                      [DepartmentId], COUNT(*) AS [N] FROM inserted WHERE [IsPublished] = 1
               GROUP BY COALESCE([CatalogueItemId], 0), COALESCE([DomainId], 0), COALESCE([StageId], 0), [DepartmentId]) AS n
          ON c.[CatalogueItemId] = n.[CatalogueItemId] AND c.[DomainId] = n.[DomainId] AND c.[StageId] = n.[StageId] AND c.[DepartmentId] = n.[DepartmentId]
        WHEN MATCHED THEN UPDATE SET c.[Count] = c.[Count] + n.[N]
        WHEN NOT MATCHED THEN INSERT ([CatalogueItemId], [DomainId], [StageId], [DepartmentId], [Count])
             VALUES (n.[CatalogueItemId], n.[DomainId], n.[StageId], n.[DepartmentId], n.[N]);
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206190004_RecordTriggersForColumns'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206190004_RecordTriggersForColumns', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206193559_PolicyCleanups'
)
BEGIN
    CREATE TABLE [PolicyCleanups] (
        [Id] int NOT NULL IDENTITY,
        [Title] nvarchar(200) NOT NULL,
        [IssuingBody] nvarchar(100) NOT NULL,
        [DecidedOn] date NOT NULL,
        [DocumentNumber] nvarchar(100) NULL,
        [Intro] nvarchar(4000) NOT NULL,
        [State] int NOT NULL,
        [ReturnReason] nvarchar(1000) NULL,
        [SubmittedById] nvarchar(64) NULL,
        [PublishedOn] date NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_PolicyCleanups] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206193559_PolicyCleanups'
)
BEGIN
    CREATE TABLE [PolicyCleanupEntries] (
        [Id] int NOT NULL IDENTITY,
        [CleanupId] int NOT NULL,
        [Position] int NOT NULL,
        [RecordId] int NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [DocumentNumber] nvarchar(100) NULL,
        [PreviousValidity] int NOT NULL,
        [NewValidity] int NOT NULL,
        [Reason] nvarchar(200) NULL,
        CONSTRAINT [PK_PolicyCleanupEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PolicyCleanupEntries_PolicyCleanups_CleanupId] FOREIGN KEY ([CleanupId]) REFERENCES [PolicyCleanups] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_PolicyCleanupEntries_Records_RecordId] FOREIGN KEY ([RecordId]) REFERENCES [Records] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206193559_PolicyCleanups'
)
BEGIN
    CREATE TABLE [PolicyCleanupEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [CleanupId] int NOT NULL,
        [Kind] int NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [ActorId] nvarchar(64) NULL,
        [Note] nvarchar(1000) NULL,
        CONSTRAINT [PK_PolicyCleanupEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PolicyCleanupEvents_PolicyCleanups_CleanupId] FOREIGN KEY ([CleanupId]) REFERENCES [PolicyCleanups] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206193559_PolicyCleanups'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PolicyCleanupEntries_CleanupId_RecordId] ON [PolicyCleanupEntries] ([CleanupId], [RecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206193559_PolicyCleanups'
)
BEGIN
    CREATE INDEX [IX_PolicyCleanupEntries_RecordId] ON [PolicyCleanupEntries] ([RecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206193559_PolicyCleanups'
)
BEGIN
    CREATE INDEX [IX_PolicyCleanupEvents_CleanupId] ON [PolicyCleanupEvents] ([CleanupId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206193559_PolicyCleanups'
)
BEGIN
    CREATE INDEX [IX_PolicyCleanups_State_PublishedOn] ON [PolicyCleanups] ([State], [PublishedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206193559_PolicyCleanups'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206193559_PolicyCleanups', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206214357_LeaderPhotos'
)
BEGIN
    ALTER TABLE [UnitLeaders] ADD [PhotoId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206214357_LeaderPhotos'
)
BEGIN
    CREATE TABLE [LeaderPhotos] (
        [Id] int NOT NULL IDENTITY,
        [DepartmentId] int NOT NULL,
        [StorageKey] nvarchar(200) NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [ContentType] nvarchar(50) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [Width] int NOT NULL,
        [Height] int NOT NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [UploadedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_LeaderPhotos] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LeaderPhotos_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206214357_LeaderPhotos'
)
BEGIN
    CREATE INDEX [IX_UnitLeaders_PhotoId] ON [UnitLeaders] ([PhotoId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206214357_LeaderPhotos'
)
BEGIN
    CREATE INDEX [IX_LeaderPhotos_DepartmentId] ON [LeaderPhotos] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206214357_LeaderPhotos'
)
BEGIN
    ALTER TABLE [UnitLeaders] ADD CONSTRAINT [FK_UnitLeaders_LeaderPhotos_PhotoId] FOREIGN KEY ([PhotoId]) REFERENCES [LeaderPhotos] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206214357_LeaderPhotos'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206214357_LeaderPhotos', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    ALTER TABLE [CatalogueItems] ADD [ExpectedFrom] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    CREATE TABLE [ItemEvents] (
        [Id] int NOT NULL IDENTITY,
        [CatalogueItemId] int NOT NULL,
        [OccurredOn] date NOT NULL,
        [Description] nvarchar(200) NOT NULL,
        [RecordedBy] nvarchar(100) NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ItemEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ItemEvents_CatalogueItems_CatalogueItemId] FOREIGN KEY ([CatalogueItemId]) REFERENCES [CatalogueItems] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    CREATE TABLE [PeriodWaivers] (
        [Id] int NOT NULL IDENTITY,
        [CatalogueItemId] int NOT NULL,
        [PeriodStart] date NOT NULL,
        [Reason] nvarchar(500) NOT NULL,
        [State] int NOT NULL,
        [RequestedBy] nvarchar(100) NOT NULL,
        [RequestedById] nvarchar(64) NULL,
        [RequestedAt] datetimeoffset NOT NULL,
        [DecidedBy] nvarchar(100) NULL,
        [DecidedAt] datetimeoffset NULL,
        [DecisionNote] nvarchar(500) NULL,
        CONSTRAINT [PK_PeriodWaivers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PeriodWaivers_CatalogueItems_CatalogueItemId] FOREIGN KEY ([CatalogueItemId]) REFERENCES [CatalogueItems] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    CREATE TABLE [Ratings] (
        [Id] int NOT NULL IDENTITY,
        [TargetKind] int NOT NULL,
        [TargetId] int NOT NULL,
        [UnitId] int NULL,
        [Grade] int NOT NULL,
        [Comment] nvarchar(500) NULL,
        [CommentState] int NOT NULL,
        [HeldFor] nvarchar(1000) NULL,
        [HiddenReason] nvarchar(200) NULL,
        [ModeratedBy] nvarchar(100) NULL,
        [ModeratedAt] datetimeoffset NULL,
        [RatedAt] datetimeoffset NOT NULL,
        [RatedOn] date NOT NULL,
        [ChangedAt] datetimeoffset NULL,
        [AddressHash] nvarchar(64) NULL,
        CONSTRAINT [PK_Ratings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Ratings_Departments_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    CREATE TABLE [RecordCoverages] (
        [RecordId] int NOT NULL,
        [PeriodStart] date NULL,
        [ItemEventId] int NULL,
        CONSTRAINT [PK_RecordCoverages] PRIMARY KEY ([RecordId]),
        CONSTRAINT [FK_RecordCoverages_ItemEvents_ItemEventId] FOREIGN KEY ([ItemEventId]) REFERENCES [ItemEvents] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RecordCoverages_Records_RecordId] FOREIGN KEY ([RecordId]) REFERENCES [Records] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    CREATE INDEX [IX_ItemEvents_CatalogueItemId_OccurredOn] ON [ItemEvents] ([CatalogueItemId], [OccurredOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PeriodWaivers_CatalogueItemId_PeriodStart] ON [PeriodWaivers] ([CatalogueItemId], [PeriodStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    CREATE INDEX [IX_PeriodWaivers_State] ON [PeriodWaivers] ([State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    CREATE INDEX [IX_Ratings_CommentState_RatedAt] ON [Ratings] ([CommentState], [RatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Ratings_TargetKind_TargetId_RatedOn_AddressHash] ON [Ratings] ([TargetKind], [TargetId], [RatedOn], [AddressHash]) WHERE [AddressHash] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    CREATE INDEX [IX_Ratings_UnitId_RatedOn] ON [Ratings] ([UnitId], [RatedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    CREATE INDEX [IX_RecordCoverages_ItemEventId] ON [RecordCoverages] ([ItemEventId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206230704_ExpectedPublicationsAndRatings'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206230704_ExpectedPublicationsAndRatings', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE TABLE [AssessmentSchemes] (
        [Id] int NOT NULL IDENTITY,
        [Year] int NOT NULL,
        [CreatedBy] nvarchar(100) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_AssessmentSchemes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE TABLE [OutboxWebhooks] (
        [Id] int NOT NULL IDENTITY,
        [Url] nvarchar(500) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [SentAt] datetimeoffset NULL,
        [LastError] nvarchar(500) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_OutboxWebhooks] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE TABLE [QuarterlyBulletins] (
        [Id] int NOT NULL IDENTITY,
        [Year] int NOT NULL,
        [QuarterNumber] int NOT NULL,
        [Edition] int NOT NULL,
        [State] int NOT NULL,
        [SnapshotJson] nvarchar(max) NOT NULL,
        [AsOf] date NOT NULL,
        [FrozenAt] datetimeoffset NOT NULL,
        [FrozenById] nvarchar(64) NOT NULL,
        [FrozenBy] nvarchar(200) NOT NULL,
        [Comment] nvarchar(max) NULL,
        [CommentedById] nvarchar(64) NULL,
        [CommentedBy] nvarchar(200) NULL,
        [CommentedAt] datetimeoffset NULL,
        [PublishedAt] datetimeoffset NULL,
        [PublishedById] nvarchar(64) NULL,
        [PublishedBy] nvarchar(200) NULL,
        [SupersededAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_QuarterlyBulletins] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE TABLE [ReminderSettings] (
        [Id] int NOT NULL,
        [WorkingDaysBefore] int NOT NULL,
        [WebhookEnabled] bit NOT NULL,
        [WebhookUrl] nvarchar(500) NULL,
        [WebhookSecret] nvarchar(1000) NULL,
        [UpdatedBy] nvarchar(100) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ReminderSettings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE TABLE [SentReminders] (
        [Id] bigint NOT NULL IDENTITY,
        [Subject] int NOT NULL,
        [Key] nvarchar(64) NOT NULL,
        [SubjectId] int NULL,
        [DueOn] date NOT NULL,
        [Kind] int NOT NULL,
        [Round] int NOT NULL,
        [DepartmentId] int NULL,
        [Title] nvarchar(300) NOT NULL,
        [SentOn] date NOT NULL,
        [SentAt] datetimeoffset NOT NULL,
        [SentBy] nvarchar(100) NOT NULL,
        [AwaitsDigest] bit NOT NULL,
        CONSTRAINT [PK_SentReminders] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE TABLE [AssessmentIndicators] (
        [Id] int NOT NULL IDENTITY,
        [SchemeId] int NOT NULL,
        [SortOrder] int NOT NULL,
        [Name] nvarchar(60) NOT NULL,
        [Kind] int NOT NULL,
        [Points] decimal(7,2) NOT NULL,
        [Rule] int NOT NULL,
        [FullAt] decimal(7,2) NULL,
        [HalfAt] decimal(7,2) NULL,
        [DeductEach] decimal(7,2) NULL,
        [Description] nvarchar(500) NULL,
        CONSTRAINT [PK_AssessmentIndicators] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AssessmentIndicators_AssessmentSchemes_SchemeId] FOREIGN KEY ([SchemeId]) REFERENCES [AssessmentSchemes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE TABLE [AssessmentRuns] (
        [Id] int NOT NULL IDENTITY,
        [SchemeId] int NOT NULL,
        [Year] int NOT NULL,
        [AsOf] date NOT NULL,
        [ComputedAt] datetimeoffset NOT NULL,
        [ComputedBy] nvarchar(100) NOT NULL,
        [State] int NOT NULL,
        [Note] nvarchar(1000) NULL,
        [PublishedAt] datetimeoffset NULL,
        [PublishedBy] nvarchar(100) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_AssessmentRuns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AssessmentRuns_AssessmentSchemes_SchemeId] FOREIGN KEY ([SchemeId]) REFERENCES [AssessmentSchemes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE TABLE [AssessmentManualScores] (
        [Id] int NOT NULL IDENTITY,
        [IndicatorId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [Score] decimal(7,2) NOT NULL,
        [Evidence] nvarchar(1000) NOT NULL,
        [EnteredBy] nvarchar(100) NOT NULL,
        [EnteredAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_AssessmentManualScores] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AssessmentManualScores_AssessmentIndicators_IndicatorId] FOREIGN KEY ([IndicatorId]) REFERENCES [AssessmentIndicators] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AssessmentManualScores_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE TABLE [AssessmentScores] (
        [Id] int NOT NULL IDENTITY,
        [RunId] int NOT NULL,
        [DepartmentId] int NOT NULL,
        [UnitName] nvarchar(200) NOT NULL,
        [IndicatorId] int NULL,
        [SortOrder] int NOT NULL,
        [IndicatorName] nvarchar(60) NOT NULL,
        [Kind] int NOT NULL,
        [Rule] int NOT NULL,
        [FullAt] decimal(7,2) NULL,
        [HalfAt] decimal(7,2) NULL,
        [DeductEach] decimal(7,2) NULL,
        [Points] decimal(7,2) NOT NULL,
        [Score] decimal(7,2) NOT NULL,
        [Good] int NULL,
        [Total] int NULL,
        [NothingToMeasure] bit NOT NULL,
        [Evidence] nvarchar(1000) NULL,
        CONSTRAINT [PK_AssessmentScores] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AssessmentScores_AssessmentRuns_RunId] FOREIGN KEY ([RunId]) REFERENCES [AssessmentRuns] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AssessmentScores_Departments_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE INDEX [IX_AssessmentIndicators_SchemeId_SortOrder] ON [AssessmentIndicators] ([SchemeId], [SortOrder]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE INDEX [IX_AssessmentManualScores_DepartmentId] ON [AssessmentManualScores] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AssessmentManualScores_IndicatorId_DepartmentId] ON [AssessmentManualScores] ([IndicatorId], [DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AssessmentRuns_SchemeId] ON [AssessmentRuns] ([SchemeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE INDEX [IX_AssessmentRuns_Year_State] ON [AssessmentRuns] ([Year], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AssessmentSchemes_Year] ON [AssessmentSchemes] ([Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE INDEX [IX_AssessmentScores_DepartmentId] ON [AssessmentScores] ([DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE INDEX [IX_AssessmentScores_RunId_DepartmentId] ON [AssessmentScores] ([RunId], [DepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE INDEX [IX_OutboxWebhooks_SentAt_NextAttemptAt] ON [OutboxWebhooks] ([SentAt], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE INDEX [IX_QuarterlyBulletins_State] ON [QuarterlyBulletins] ([State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE UNIQUE INDEX [IX_QuarterlyBulletins_Year_QuarterNumber_Edition] ON [QuarterlyBulletins] ([Year], [QuarterNumber], [Edition]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE INDEX [IX_SentReminders_AwaitsDigest] ON [SentReminders] ([AwaitsDigest]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE INDEX [IX_SentReminders_DepartmentId_SentOn] ON [SentReminders] ([DepartmentId], [SentOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SentReminders_Key_DueOn_Kind_Round] ON [SentReminders] ([Key], [DueOn], [Kind], [Round]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    CREATE INDEX [IX_SentReminders_Subject_SubjectId_Kind] ON [SentReminders] ([Subject], [SubjectId], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030231_Oversight'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207030231_Oversight', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207040223_ReviewChain'
)
BEGIN
    CREATE TABLE [ReviewChains] (
        [Id] int NOT NULL,
        [Confidentiality] bit NOT NULL,
        [Legality] bit NOT NULL,
        [DisclosureAttribute] bit NOT NULL,
        [DistinctReviewers] bit NOT NULL,
        [LeaderKindCodes] nvarchar(100) NOT NULL,
        [UpdatedBy] nvarchar(100) NULL,
        [UpdatedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ReviewChains] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207040223_ReviewChain'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207040223_ReviewChain', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207042033_InterpretationPlans'
)
BEGIN
    CREATE TABLE [InterpretationPlans] (
        [Id] int NOT NULL IDENTITY,
        [PolicyRecordId] int NOT NULL,
        [Form] int NOT NULL,
        [ResponsibleDepartmentId] int NOT NULL,
        [WorkingDaysAfterPublication] int NOT NULL,
        [Note] nvarchar(500) NULL,
        [CreatedBy] nvarchar(100) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_InterpretationPlans] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InterpretationPlans_Departments_ResponsibleDepartmentId] FOREIGN KEY ([ResponsibleDepartmentId]) REFERENCES [Departments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_InterpretationPlans_Records_PolicyRecordId] FOREIGN KEY ([PolicyRecordId]) REFERENCES [Records] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207042033_InterpretationPlans'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InterpretationPlans_PolicyRecordId] ON [InterpretationPlans] ([PolicyRecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207042033_InterpretationPlans'
)
BEGIN
    CREATE INDEX [IX_InterpretationPlans_ResponsibleDepartmentId] ON [InterpretationPlans] ([ResponsibleDepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207042033_InterpretationPlans'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207042033_InterpretationPlans', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207051604_OutboxDueTicks'
)
BEGIN
    DROP INDEX [IX_OutboxWebhooks_SentAt_NextAttemptAt] ON [OutboxWebhooks];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207051604_OutboxDueTicks'
)
BEGIN
    DROP INDEX [IX_OutboxMails_SentAt_NextAttemptAt] ON [OutboxMails];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207051604_OutboxDueTicks'
)
BEGIN
    ALTER TABLE [OutboxWebhooks] ADD [NextAttemptTicks] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207051604_OutboxDueTicks'
)
BEGIN
    ALTER TABLE [OutboxMails] ADD [NextAttemptTicks] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207051604_OutboxDueTicks'
)
BEGIN
    EXEC(N'UPDATE [OutboxMails] SET [NextAttemptTicks] = DATEDIFF_BIG(microsecond, CAST(''0001-01-01'' AS datetime2), CAST(SWITCHOFFSET([NextAttemptAt], ''+00:00'') AS datetime2)) * 10;');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207051604_OutboxDueTicks'
)
BEGIN
    EXEC(N'UPDATE [OutboxWebhooks] SET [NextAttemptTicks] = DATEDIFF_BIG(microsecond, CAST(''0001-01-01'' AS datetime2), CAST(SWITCHOFFSET([NextAttemptAt], ''+00:00'') AS datetime2)) * 10;');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207051604_OutboxDueTicks'
)
BEGIN
    CREATE INDEX [IX_OutboxWebhooks_SentAt_NextAttemptTicks] ON [OutboxWebhooks] ([SentAt], [NextAttemptTicks]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207051604_OutboxDueTicks'
)
BEGIN
    CREATE INDEX [IX_OutboxMails_SentAt_NextAttemptTicks] ON [OutboxMails] ([SentAt], [NextAttemptTicks]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207051604_OutboxDueTicks'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207051604_OutboxDueTicks', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207073959_SearchSynonyms'
)
BEGIN
    CREATE TABLE [SearchSynonyms] (
        [Id] int NOT NULL IDENTITY,
        [Terms] nvarchar(210) NOT NULL,
        [AddedAt] datetimeoffset NOT NULL,
        [AddedBy] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_SearchSynonyms] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207073959_SearchSynonyms'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Terms', N'AddedAt', N'AddedBy') AND [object_id] = OBJECT_ID(N'[SearchSynonyms]'))
        SET IDENTITY_INSERT [SearchSynonyms] ON;
    EXEC(N'INSERT INTO [SearchSynonyms] ([Terms], [AddedAt], [AddedBy])
    VALUES (N''低保 最低生活保障'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''医保 医疗保障 医疗保险'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''社保 社会保险'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''公积金 住房公积金'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''残疾证 残疾人证'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''新农合 新型农村合作医疗'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''养老金 基本养老金'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''特困 特困人员 五保'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''身份证 居民身份证'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''户口 户籍'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''公租房 公共租赁住房 廉租房'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''危改 危房改造'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''驾照 驾驶证'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''退伍军人 退役军人'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''拆迁 房屋征收'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置''),
    (N''营业执照 工商执照'', ''2026-12-07T00:00:00.0000000+00:00'', N''系统预置'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Terms', N'AddedAt', N'AddedBy') AND [object_id] = OBJECT_ID(N'[SearchSynonyms]'))
        SET IDENTITY_INSERT [SearchSynonyms] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207073959_SearchSynonyms'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207073959_SearchSynonyms', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207101920_SearchOtherContent'
)
BEGIN
    ALTER TABLE [SearchEntries] ADD [SourceId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207101920_SearchOtherContent'
)
BEGIN
    CREATE INDEX [IX_SearchEntries_SourceId_Kind] ON [SearchEntries] ([SourceId], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207101920_SearchOtherContent'
)
BEGIN
    EXEC(N'CREATE TRIGGER [Messages_Search] ON [Messages] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
           AND NOT (UPDATE([Published]) OR UPDATE([PublicationConsent]) OR UPDATE([State]) OR UPDATE([Subject]) OR UPDATE([Body]) OR UPDATE([Reply]) OR UPDATE([AnsweredOn]) OR UPDATE([AssignedDepartmentId]))
            RETURN;
        DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[SourceId] = d.[Id] AND e.[Kind] = 3;
        INSERT INTO [SearchEntries] ([Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], [DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn], [SourceId])
        SELECT CAST(DATEDIFF(day, ''19700101'', COALESCE(m.[AnsweredOn], ''19700101'')) AS bigint) * 4294967296 + 2147483648 + m.[Id], 3, NULL, NULL, NULL, m.[Subject], NULL, NULL, m.[Body] + N'' '' + COALESCE(m.[Reply], N''''), 0, 0, COALESCE(m.[AssignedDepartmentId], 0), NULL, NULL, m.[AnsweredOn], m.[Id]
                FROM [Messages] AS m
        JOIN inserted AS n ON n.[Id] = m.[Id]
        WHERE m.[Published] = 1 AND m.[PublicationConsent] = 1 AND m.[State] = 5;
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207101920_SearchOtherContent'
)
BEGIN
    EXEC(N'CREATE TRIGGER [Consultations_Search] ON [Consultations] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
           AND NOT (UPDATE([State]) OR UPDATE([Title]) OR UPDATE([DraftBody]) OR UPDATE([DraftingExplanation]) OR UPDATE([StartsOn]) OR UPDATE([DomainId]) OR UPDATE([DepartmentId]))
            RETURN;
        DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[SourceId] = d.[Id] AND e.[Kind] = 4;
        INSERT INTO [SearchEntries] ([Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], [DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn], [SourceId])
        SELECT CAST(DATEDIFF(day, ''19700101'', COALESCE(c.[StartsOn], ''19700101'')) AS bigint) * 4294967296 + 2684354560 + c.[Id], 4, NULL, NULL, NULL, c.[Title], NULL, NULL, c.[DraftingExplanation] + N'' '' + c.[DraftBody], c.[DomainId], 0, c.[DepartmentId], NULL, NULL, c.[StartsOn], c.[Id]
                FROM [Consultations] AS c
        JOIN inserted AS n ON n.[Id] = c.[Id]
        WHERE c.[State] IN (3, 4);
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207101920_SearchOtherContent'
)
BEGIN
    EXEC(N'CREATE TRIGGER [ServiceGuides_Search] ON [ServiceGuides] AFTER INSERT, UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
           AND NOT (UPDATE([State]) OR UPDATE([RevisionOfId]) OR UPDATE([Name]) OR UPDATE([Conditions]) OR UPDATE([LegalBasis]) OR UPDATE([TimeLimit]) OR UPDATE([Fees]) OR UPDATE([PlaceAndHours]) OR UPDATE([PublishedOn]) OR UPDATE([DomainId]) OR UPDATE([DepartmentId]))
            RETURN;
        DELETE e FROM [SearchEntries] AS e JOIN deleted AS d ON e.[SourceId] = d.[Id] AND e.[Kind] = 5;
        INSERT INTO [SearchEntries] ([Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], [DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn], [SourceId])
        SELECT CAST(DATEDIFF(day, ''19700101'', COALESCE(g.[PublishedOn], ''19700101'')) AS bigint) * 4294967296 + 3221225472 + g.[Id], 5, NULL, NULL, NULL, g.[Name], NULL, NULL, g.[Conditions] + N'' '' + g.[LegalBasis] + N'' '' + g.[TimeLimit] + N'' '' + g.[Fees] + N'' '' + g.[PlaceAndHours], g.[DomainId], 0, g.[DepartmentId], NULL, NULL, g.[PublishedOn], g.[Id]
                FROM [ServiceGuides] AS g
        JOIN inserted AS n ON n.[Id] = g.[Id]
        WHERE g.[State] = 3 AND g.[RevisionOfId] IS NULL;
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207101920_SearchOtherContent'
)
BEGIN
    INSERT INTO [SearchEntries] ([Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], [DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn], [SourceId])
    SELECT CAST(DATEDIFF(day, '19700101', COALESCE(m.[AnsweredOn], '19700101')) AS bigint) * 4294967296 + 2147483648 + m.[Id], 3, NULL, NULL, NULL, m.[Subject], NULL, NULL, m.[Body] + N' ' + COALESCE(m.[Reply], N''), 0, 0, COALESCE(m.[AssignedDepartmentId], 0), NULL, NULL, m.[AnsweredOn], m.[Id]
                FROM [Messages] AS m
    WHERE m.[Published] = 1 AND m.[PublicationConsent] = 1 AND m.[State] = 5;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207101920_SearchOtherContent'
)
BEGIN
    INSERT INTO [SearchEntries] ([Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], [DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn], [SourceId])
    SELECT CAST(DATEDIFF(day, '19700101', COALESCE(c.[StartsOn], '19700101')) AS bigint) * 4294967296 + 2684354560 + c.[Id], 4, NULL, NULL, NULL, c.[Title], NULL, NULL, c.[DraftingExplanation] + N' ' + c.[DraftBody], c.[DomainId], 0, c.[DepartmentId], NULL, NULL, c.[StartsOn], c.[Id]
                FROM [Consultations] AS c
    WHERE c.[State] IN (3, 4);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207101920_SearchOtherContent'
)
BEGIN
    INSERT INTO [SearchEntries] ([Id], [Kind], [RecordId], [RecordVersionId], [CatalogueItemId], [Title], [DocumentNumber], [IndexNumber], [Body], [DomainId], [StageId], [DepartmentId], [RecordKind], [Validity], [PublishedOn], [SourceId])
    SELECT CAST(DATEDIFF(day, '19700101', COALESCE(g.[PublishedOn], '19700101')) AS bigint) * 4294967296 + 3221225472 + g.[Id], 5, NULL, NULL, NULL, g.[Name], NULL, NULL, g.[Conditions] + N' ' + g.[LegalBasis] + N' ' + g.[TimeLimit] + N' ' + g.[Fees] + N' ' + g.[PlaceAndHours], g.[DomainId], 0, g.[DepartmentId], NULL, NULL, g.[PublishedOn], g.[Id]
                FROM [ServiceGuides] AS g
    WHERE g.[State] = 3 AND g.[RevisionOfId] IS NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207101920_SearchOtherContent'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207101920_SearchOtherContent', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207140925_ClusterKeys'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207140925_ClusterKeys'
)
BEGIN
    CREATE TABLE [SharedSecrets] (
        [Name] nvarchar(100) NOT NULL,
        [ProtectedValue] nvarchar(4000) NOT NULL,
        CONSTRAINT [PK_SharedSecrets] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207140925_ClusterKeys'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207140925_ClusterKeys', N'10.0.15');
END;

COMMIT;
GO

