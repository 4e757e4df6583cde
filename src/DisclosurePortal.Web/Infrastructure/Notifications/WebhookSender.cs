using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DisclosurePortal.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Infrastructure.Notifications;

/// <summary>The <c>Webhooks</c> configuration section: how the webhook outbox is sent (the address is data: /admin/reminders).</summary>
public sealed class WebhookSettings
{
    public const string Section = "Webhooks";

    /// <summary>False: this process sends no webhook by itself, only when <see cref="WebhookSender.SendDueAsync"/> is called.</summary>
    public bool SendInBackground { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The webhook's signing secret, encrypted at rest with Data Protection (it is a credential of the chat robot).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("DisclosurePortal.WebhookSecret");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The secret, or null when there is none or it cannot be read (the keys changed): the call then goes unsigned.</summary>
    public string? Reveal(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// Sends the webhook outbox (<see cref="OutboxWebhook"/>) in the background, as <see cref="OutboxSender"/> sends mail:
/// claim under the concurrency token, POST, save the outcome; a receiver that is down or answers other than 2xx is tried
/// again after the backoff. With a secret, each call is signed twice: 钉钉's robot 加签 (<c>timestamp</c> and <c>sign</c> in
/// the query: HMAC-SHA256 of "timestamp\nsecret") and, for any receiver, <c>X-Portal-Signature</c> (HMAC-SHA256 of
/// "timestamp\nbody", hex) with <c>X-Portal-Timestamp</c>.
/// </summary>
public sealed class WebhookSender(IServiceScopeFactory scopes, IOptionsMonitor<WebhookSettings> settings, WebhookSecrets secrets, TimeProvider clock,
    ILogger<WebhookSender> logger, Cluster.IJobLeases leases) : BackgroundService
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int BatchSize = 20;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.CurrentValue.SendInBackground) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await leases.RunAloneAsync("webhooks", () => SendDueAsync(stoppingToken), stoppingToken); // one node at a time (issue 24)
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The webhook sender failed this round; it tries again");
            }
            try
            {
                await Task.Delay(settings.CurrentValue.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One round: the due calls claimed, POSTed and their outcomes saved. Returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var nowTicks = now.UtcTicks;
        // Due calls only, the longest waiting first (as OutboxSender): calls in backoff never hold a due one back.
        var due = (await db.OutboxWebhooks.Where(m => m.SentAt == null && m.Attempts < OutboxMail.MaxAttempts && m.NextAttemptTicks <= nowTicks)
            .OrderBy(m => m.NextAttemptTicks).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct))
            .Where(m => m.IsDue(now)).ToList();
        if (due.Count == 0) return 0;
        foreach (var call in due) call.Claim(now + Lease);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // another instance claimed them first
        }
        var stored = await db.ReminderSettings.AsNoTracking().Select(s => s.WebhookSecret).FirstOrDefaultAsync(ct);
        var secret = secrets.Reveal(stored);
        var sent = 0;
        foreach (var call in due)
        {
            var problem = await PostAsync(call, secret, ct);
            if (problem is null)
            {
                call.MarkSent(clock.GetUtcNow());
                sent++;
                logger.LogInformation("Webhook call {CallId} delivered", call.Id);
            }
            else
            {
                call.MarkFailed(problem, clock.GetUtcNow());
                logger.LogWarning("Webhook call {CallId} not delivered (attempt {Attempts}): {Problem}", call.Id, call.Attempts, problem);
            }
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return sent;
    }

    private async Task<string?> PostAsync(OutboxWebhook call, string? secret, CancellationToken ct)
    {
        var url = call.Url;
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new StringContent(call.Body, Encoding.UTF8, "application/json");
        if (secret is not null)
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            var key = Encoding.UTF8.GetBytes(secret);
            var robotSign = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));
            request.RequestUri = new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"timestamp={timestamp}&sign={Uri.EscapeDataString(robotSign)}");
            request.Headers.Add("X-Portal-Timestamp", timestamp);
            request.Headers.Add("X-Portal-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{timestamp}\n{call.Body}"))));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.CurrentValue.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
