using Medallion.Threading.Postgres;

namespace DisclosurePortal.Web.Infrastructure.Cluster;

/// <summary>
/// Background work runs once (issue 24): a job's round takes the lease of its name first and skips the round when
/// another node holds it. In a cluster the lease is a PostgreSQL advisory lock (DistributedLock.Postgres) held on a
/// connection of its own for the round: a node that dies mid-round loses the connection, and with it the lease. A single
/// node has nobody to share with: the lease is always granted.
/// </summary>
public interface IJobLeases
{
    /// <summary>The lease, to dispose at the end of the round, or null when another node holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken ct);

    /// <summary>Runs one round of <paramref name="job"/> if this node gets its lease; skips it if another node holds it.</summary>
    async Task RunAloneAsync(string job, Func<Task> round, CancellationToken ct)
    {
        await using var lease = await TryAcquireAsync(job, ct);
        if (lease is not null) await round();
    }
}

public sealed class SingleNodeLeases : IJobLeases
{
    private sealed class Held : IAsyncDisposable
    {
        public static readonly Held Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken ct) => Task.FromResult<IAsyncDisposable?>(Held.Instance);
}

public sealed class PostgresLeases(string connectionString, string cluster) : IJobLeases
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken ct)
    {
        var @lock = new PostgresDistributedLock(new PostgresAdvisoryLockKey(cluster + ":" + job, allowHashing: true), connectionString);
        return await @lock.TryAcquireAsync(TimeSpan.Zero, ct);
    }
}
