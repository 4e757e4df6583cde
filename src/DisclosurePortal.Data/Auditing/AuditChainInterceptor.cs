using System.Runtime.CompilerServices;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DisclosurePortal.Data.Auditing;

/// <summary>
/// Chains every audit event a SaveChanges adds, whoever adds it (docs/adr/0023): inside the save's transaction it takes
/// the chain head's lock, numbers the new events after the last one, hashes each onto the one before, and moves the
/// head — so concurrent writers queue instead of forking the chain, and a rolled-back save rolls its events, numbers
/// and head back together. A save with no transaction of its own gets one here, committed when the save has succeeded.
/// It also refuses, before anything is written, a save that would change or delete an audit event.
/// Registered on every PortalDbContext by <see cref="DatabaseSetup.Configure"/>.
/// </summary>
public sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    public static readonly AuditChainInterceptor Instance = new();

    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _owned = [];

    // Saves whose events are already chained: the interceptor may be registered twice on one context (a test host
    // built on another repeats the registrations), and a second pass would chain the same events again.
    private readonly ConditionalWeakTable<DbContext, object> _chained = [];

    private AuditChainInterceptor()
    {
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db) await ChainAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) _chained.Remove(db);
        if (eventData.Context is { } context && _owned.TryGetValue(context, out var transaction))
        {
            _owned.Remove(context);
            await using (transaction) await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await RollBackOwnedAsync(db);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db) RollBackOwnedAsync(db).GetAwaiter().GetResult();
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await RollBackOwnedAsync(db);
    }

    // A save refused on a concurrency token is not reported through SaveChangesFailed but here: without rolling back,
    // the context would keep its open transaction and its "chained" mark, and its next save (a pooled context lent out
    // again, a handler trying again) would insert its event unchained, which the append-only triggers refuse.
    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await RollBackOwnedAsync(db);
        return result;
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } db) RollBackOwnedAsync(db).GetAwaiter().GetResult();
        return result;
    }

    private async Task ChainAsync(PortalDbContext db, CancellationToken ct)
    {
        if (_chained.TryGetValue(db, out _)) return;
        var added = new List<AuditEvent>();
        // Entries() detects changes first (as SaveChanges will) unless the caller turned that off; the audit events'
        // own changes are detected in any case, so a change to one cannot slip past the guard.
        foreach (var entry in db.ChangeTracker.Entries<AuditEvent>())
        {
            entry.DetectChanges();
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException($"Audit events are append-only: event {entry.Entity.Id} cannot be {(entry.State == EntityState.Deleted ? "deleted" : "changed")}.");
            if (entry.State == EntityState.Added) added.Add(entry.Entity);
        }
        if (added.Count == 0) return;

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var (sequence, previous) = await AuditChainHead.LockAsync(db, added.Count, ct);
            // In the order they happened (then the order they were recorded): the chain reads like the trail.
            foreach (var e in added.OrderBy(e => e.OccurredAt.UtcTicks))
            {
                e.Chain(++sequence, previous);
                previous = e.Hash;
            }
            await AuditChainHead.AdvanceAsync(db, previous!, ct);
        }
        catch
        {
            if (owned is not null) await owned.DisposeAsync();
            throw;
        }
        if (owned is not null) _owned.AddOrUpdate(db, owned);
        _chained.AddOrUpdate(db, this);
    }

    private async Task RollBackOwnedAsync(DbContext db)
    {
        _chained.Remove(db);
        if (!_owned.TryGetValue(db, out var transaction)) return;
        _owned.Remove(db);
        await transaction.DisposeAsync(); // disposing an uncommitted transaction rolls it back
    }
}
