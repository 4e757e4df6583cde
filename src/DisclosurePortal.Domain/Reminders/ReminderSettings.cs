namespace DisclosurePortal.Domain.Reminders;

/// <summary>
/// 消息警示 settings, kept as data (one row, key 1; ADR 35) and changed by an administrator: how many working days
/// before a due date editors are reminded, and the webhook (a 钉钉 / 企业微信 chat robot, or any HTTP receiver) that
/// carries the same alerts as JSON. No row = the defaults: 3 working days, no webhook.
/// </summary>
public sealed class ReminderSettings
{
    public const int SingletonId = 1;
    public const int MaxUrlLength = 500;
    public const int MaxSecretLength = 200;
    public const int MaxStoredSecretLength = 1000; // the protected form is longer than the secret

    private ReminderSettings()
    {
        UpdatedBy = string.Empty;
    }

    public int Id { get; private set; }
    public int WorkingDaysBefore { get; private set; }
    public bool WebhookEnabled { get; private set; }
    public string? WebhookUrl { get; private set; }

    /// <summary>The signing secret, protected (encrypted) by the web layer before it is stored; null = unsigned.</summary>
    public string? WebhookSecret { get; private set; }
    public string UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static ReminderSettings Defaults() => new() { Id = SingletonId, WorkingDaysBefore = ReminderRules.DefaultWorkingDaysBefore };

    /// <summary>The webhook to call, or null (off, or no address).</summary>
    public string? ActiveWebhook => WebhookEnabled && !string.IsNullOrEmpty(WebhookUrl) ? WebhookUrl : null;

    /// <summary>What is wrong with these values, in words an administrator reads; empty when they can be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(int workingDaysBefore, bool webhookEnabled, string? url)
    {
        var problems = new List<(string, string)>();
        if (workingDaysBefore is < 0 or > ReminderRules.MaxWorkingDaysBefore)
            problems.Add((nameof(WorkingDaysBefore), $"提前提醒的工作日数应在 0 到 {ReminderRules.MaxWorkingDaysBefore} 之间。"));
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (webhookEnabled) problems.Add((nameof(WebhookUrl), "启用 Webhook 时请填写接收地址。"));
        }
        else if (UrlProblem(trimmed) is { } p) problems.Add((nameof(WebhookUrl), p));
        return problems;
    }

    /// <summary>Only an absolute http or https address, without user name or password in it.</summary>
    public static string? UrlProblem(string url)
    {
        if (url.Length > MaxUrlLength) return $"接收地址不能超过 {MaxUrlLength} 个字符。";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
            return "接收地址必须是以 http:// 或 https:// 开头的完整网址。";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "接收地址中不能包含用户名或密码，签名密钥请填在“签名密钥”中。";
        return null;
    }

    /// <param name="protectedSecret">The new secret already protected; null with <paramref name="keepSecret"/> keeps the old one.</param>
    public void Update(int workingDaysBefore, bool webhookEnabled, string? url, string? protectedSecret, bool keepSecret, string actor, DateTimeOffset now)
    {
        var problems = Problems(workingDaysBefore, webhookEnabled, url);
        if (problems.Count > 0) throw new DomainException(problems[0].Message);
        WorkingDaysBefore = workingDaysBefore;
        WebhookEnabled = webhookEnabled;
        WebhookUrl = Guard.Optional(url);
        if (!keepSecret) WebhookSecret = Guard.Optional(protectedSecret);
        UpdatedBy = actor;
        UpdatedAt = now;
        Version++;
    }
}
