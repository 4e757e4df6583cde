using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Web.Features.Shared;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>The form page: the form, and the lists it offers.</summary>
public sealed record WritePageModel(IReadOnlyList<(int Id, string Name)> Departments, IReadOnlyList<(int Id, string Name)> Domains);

public sealed record MessageReceiptModel(string? Code, bool Held);

public sealed record MessageTrackFormModel(string? Typed, string? Error, object[] ErrorArgs)
{
    public const string CodeKey = "code";
}

/// <summary>What /messages/track shows: progress, reply, extension and decline reasons; no contact data.</summary>
public sealed record MessageTrackModel(string Code, MessageKind Kind, string Subject, string Body, MessageState State, DateTimeOffset WrittenAt,
    DateOnly AcceptDueOn, string? Department, DateOnly? AcceptedOn, DateOnly? ReplyDueOn, int ExtensionWorkingDays, string? ExtensionReason,
    DeclineReason? DeclineReason, string? DeclineNote, string? Reply, DateOnly? AnsweredOn, bool Published, IReadOnlyList<string> DueSteps)
{
    /// <summary>评议 (issue 21 §5): the writer's rating and its form, once the message is answered; null before.</summary>
    public Ratings.RatingPanel? Rating { get; init; }
}

public sealed record MessageListModel(IReadOnlyList<PublishedMessageRow> Rows, PageInfo Page, PublishedMessagesFilter Filter,
    IReadOnlyList<(int Id, string Name)> Departments, MessageStatistics Statistics);

public sealed record PublishedMessageModel(int Id, MessageKind Kind, string Subject, string Body, string Reply, string? Department, DateOnly WrittenOn, DateOnly AnsweredOn);

/// <summary>A row of the staff lists (office queue, department list): no contact data.</summary>
public sealed record StaffMessageRow(int Id, string QueryCode, MessageKind Kind, string Subject, MessageState State, string? Department,
    DateOnly WrittenOn, DateOnly? DueOn, bool Overdue, bool DueSoon);

public sealed record StaffMessageListModel(IReadOnlyList<StaffMessageRow> Rows, PageInfo Page, bool Office)
{
    /// <summary>The <c>due</c> filter the list was cut by (overdue, soon, triage), or null for all.</summary>
    public string? Due { get; init; }
}

/// <summary>The staff page of one message: the contact data whole (staff only), the history, and the actions the state allows.</summary>
public sealed record StaffMessageModel(Message Message, string? AddressedTo, string? AssignedTo, string Name, string Phone, string Email,
    bool Office, bool Overdue, IReadOnlyList<(int Id, string Name)> Departments, MessageDeadlines Deadlines);
