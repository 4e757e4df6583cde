using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Auditing;

/// <summary>
/// The audit chain's head (docs/adr/0023): one row holding the last event's sequence number and hash. Every save that
/// appends audit events first updates this row inside its transaction, which is the chain's write lock: PostgreSQL
/// holds the row lock until commit, SQLite has one writer. So two writers never chain onto the same event, and the
/// head always says how long the chain is and how it ends — which is how deleting the last events is detected.
/// </summary>
public sealed class AuditChainHead
{
    public const int TheRow = 1;

    public int Id { get; private set; }
    public long Sequence { get; private set; }
    public string? LastHash { get; private set; }

    /// <summary>
    /// Takes the chain's write lock inside the current transaction and reserves <paramref name="appending"/> sequence
    /// numbers: the caller chains its events from (<c>Sequence</c> + 1, <c>LastHash</c>) as returned and then calls
    /// <see cref="AdvanceAsync"/>. Seals the events from before the chain first, if that has not happened yet.
    /// </summary>
    internal static async Task<(long Sequence, string? LastHash)> LockAsync(PortalDbContext db, int appending, CancellationToken ct)
    {
        var head = await ReserveAsync(db, appending, ct);
        if (head is null)
        {
            // A database made by EnsureCreated (the migration inserts the row): make the row, then take it.
            if (db.Database.IsSqlServer())
                await db.Database.ExecuteSqlAsync(
                    $"""IF NOT EXISTS (SELECT 1 FROM [AuditChainHeads] WITH (UPDLOCK, HOLDLOCK) WHERE [Id] = {TheRow}) INSERT INTO [AuditChainHeads] ([Id], [Sequence], [LastHash]) VALUES ({TheRow}, 0, NULL)""", ct);
            else
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "AuditChainHeads" ("Id", "Sequence", "LastHash") VALUES ({TheRow}, 0, NULL) ON CONFLICT ("Id") DO NOTHING""", ct);
            head = await ReserveAsync(db, appending, ct) ?? throw new InvalidOperationException("The audit chain head is missing.");
        }
        var before = head.Sequence - appending;
        var lastHash = head.LastHash is null && before > 0 ? await SealAsync(db, before, ct) : head.LastHash;
        return (before, lastHash);
    }

    internal static Task AdvanceAsync(PortalDbContext db, string lastHash, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""UPDATE "AuditChainHeads" SET "LastHash" = {lastHash} WHERE "Id" = {TheRow}""", ct);

    /// <summary>
    /// Seals the events written before the chain existed, once: the migration numbered them in Id order and left them
    /// without hashes; they are hashed here in that order under the lock. Runs on start (<see cref="SealOnStartAsync"/>)
    /// and, should a writer get there first, in that writer's transaction.
    /// </summary>
    private static async Task<string?> SealAsync(PortalDbContext db, long through, CancellationToken ct)
    {
        const int Batch = 500;
        string? previous = null;
        for (long from = 1; from <= through; from += Batch)
        {
            var to = Math.Min(through, from + Batch - 1);
            var events = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence >= from && e.Sequence <= to).OrderBy(e => e.Sequence).ToListAsync(ct);
            foreach (var e in events)
            {
                if (e.Hash is not null) throw new InvalidOperationException($"Audit event {e.Id} is already sealed but the chain head is not.");
                e.Chain(e.Sequence, previous);
                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "AuditEvents" SET "PreviousHash" = {e.PreviousHash}, "Hash" = {e.Hash} WHERE "Id" = {e.Id} AND "Hash" IS NULL""", ct);
                previous = e.Hash;
            }
        }
        if (previous is not null) await AdvanceAsync(db, previous, ct);
        return previous;
    }

    /// <summary>On start, after the migrations: seals the events from before the chain, if any are unsealed.</summary>
    public static async Task SealOnStartAsync(PortalDbContext db, CancellationToken ct)
    {
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == TheRow, ct);
        if (head is not { LastHash: null, Sequence: > 0 }) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, 0, ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<AuditChainHead?> ReserveAsync(PortalDbContext db, int appending, CancellationToken ct) =>
        (await (db.Database.IsSqlServer()
            // T-SQL: OUTPUT instead of RETURNING; the UPDATE's row lock serialises the writers as on PostgreSQL (ADR 27).
            ? db.AuditChainHeads.FromSql($"""UPDATE [AuditChainHeads] SET [Sequence] = [Sequence] + {appending} OUTPUT INSERTED.[Id], INSERTED.[Sequence], INSERTED.[LastHash] WHERE [Id] = {TheRow}""")
            : db.AuditChainHeads.FromSql($"""UPDATE "AuditChainHeads" SET "Sequence" = "Sequence" + {appending} WHERE "Id" = {TheRow} RETURNING "Id", "Sequence", "LastHash" """))
            .AsNoTracking()
            .ToListAsync(ct))
        .SingleOrDefault();
}

/// <summary>
/// The database's half of "append-only" (docs/adr/0023): triggers that refuse to delete an audit event, to change one
/// (except sealing an event from before the chain: filling its hash once, nothing else), and to insert one without a
/// hash (a writer that goes around the chain). Whoever owns the database can drop them; the chain shows what they did.
/// </summary>
public static class AuditChainSql
{
    private const string Refusal = "AuditEvents are append-only";

    private static readonly string[] Content = ["Id", "Sequence", "OccurredAt", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "Summary"];

    public static IReadOnlyList<string> Install(DatabaseProvider provider) => Supported(provider) == DatabaseProvider.Sqlite
        ?
        [
            $"""
            CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
            WHEN OLD."Hash" IS NOT NULL OR NEW."Hash" IS NULL OR {string.Join(" OR ", Content.Select(c => $"NEW.\"{c}\" IS NOT OLD.\"{c}\""))}
            BEGIN SELECT RAISE(ABORT, '{Refusal}: an audit event cannot be changed'); END;
            """,
            $"""
            CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents"
            BEGIN SELECT RAISE(ABORT, '{Refusal}: an audit event cannot be deleted'); END;
            """,
            $"""
            CREATE TRIGGER "AuditEvents_Chained" BEFORE INSERT ON "AuditEvents" WHEN NEW."Hash" IS NULL
            BEGIN SELECT RAISE(ABORT, '{Refusal}: an audit event must be chained'); END;
            """,
        ]
        :
        [
            $"""
            CREATE FUNCTION "AuditEvents_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF NEW."Hash" IS NULL THEN RAISE EXCEPTION '{Refusal}: an audit event must be chained'; END IF;
                    RETURN NEW;
                END IF;
                IF TG_OP = 'UPDATE' AND OLD."Hash" IS NULL AND NEW."Hash" IS NOT NULL
                   AND ({string.Join(", ", Content.Select(c => $"NEW.\"{c}\""))}) IS NOT DISTINCT FROM ({string.Join(", ", Content.Select(c => $"OLD.\"{c}\""))}) THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION '{Refusal}: % refused', TG_OP;
            END
            $body$;
            """,
            """CREATE TRIGGER "AuditEvents_AppendOnly" BEFORE INSERT OR UPDATE OR DELETE ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION "AuditEvents_AppendOnly"();""",
            """CREATE TRIGGER "AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents" FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvents_AppendOnly"();""",
        ];

    /// <summary>SQL Server's trigger is T-SQL in its Baseline migration only (docs/adr/0027): nothing at run time drops or recreates it.</summary>
    private static DatabaseProvider Supported(DatabaseProvider provider) => provider is DatabaseProvider.Sqlite or DatabaseProvider.PostgreSQL
        ? provider
        : throw new NotSupportedException($"The audit chain's triggers are kept at run time for SQLite and PostgreSQL only, not {provider}.");

    public static IReadOnlyList<string> Uninstall(DatabaseProvider provider) => Supported(provider) == DatabaseProvider.Sqlite
        ?
        [
            "DROP TRIGGER IF EXISTS \"AuditEvents_NoUpdate\";",
            "DROP TRIGGER IF EXISTS \"AuditEvents_NoDelete\";",
            "DROP TRIGGER IF EXISTS \"AuditEvents_Chained\";",
        ]
        :
        [
            "DROP TRIGGER IF EXISTS \"AuditEvents_NoTruncate\" ON \"AuditEvents\";",
            "DROP TRIGGER IF EXISTS \"AuditEvents_AppendOnly\" ON \"AuditEvents\";",
            "DROP FUNCTION IF EXISTS \"AuditEvents_AppendOnly\"();",
        ];
}
