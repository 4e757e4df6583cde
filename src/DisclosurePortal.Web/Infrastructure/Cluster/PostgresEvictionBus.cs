using Npgsql;

namespace DisclosurePortal.Web.Infrastructure.Cluster;

/// <summary>
/// Evictions through PostgreSQL's LISTEN/NOTIFY (issue 24, ADR 45; <c>Cluster:Evictions=postgres</c>): the alternative
/// measured against Redis pub/sub. One connection per node listens; a NOTIFY is sent on a pooled connection after the
/// change committed. When the listening connection is lost and made again, this node evicts everything it holds.
/// </summary>
public sealed class PostgresEvictionBus(string connectionString, string cluster, IServiceProvider services, ILogger<PostgresEvictionBus> logger)
    : EvictionBus(services, logger)
{
    // A quoted identifier: the cluster's name may hold '-'.
    private readonly string _channel = cluster.Replace('-', '_') + "_evictions";
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendQueuedAsync(NotifyAsync, Transient, stoppingToken));

    private static bool Transient(Exception e) => e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException;

    private async Task ListenAsync(CancellationToken ct)
    {
        var lost = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(ct);
                connection.Notification += (_, e) => ReceivedAsync(e.Payload).GetAwaiter().GetResult();
                await using (var listen = new NpgsqlCommand($"LISTEN \"{_channel}\"", connection)) await listen.ExecuteNonQueryAsync(ct);
                if (lost) await MissedAsync("PostgreSQL");
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (Exception e) when (Transient(e))
            {
                lost = true;
                logger.LogWarning("The eviction listener lost PostgreSQL ({Problem}); listening again in a second", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private async Task NotifyAsync(string message, CancellationToken ct)
    {
        await using var notify = _source.CreateCommand("SELECT pg_notify(@channel, @payload)");
        notify.Parameters.AddWithValue("channel", _channel);
        notify.Parameters.AddWithValue("payload", message);
        await notify.ExecuteNonQueryAsync(ct);
    }

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }
}
