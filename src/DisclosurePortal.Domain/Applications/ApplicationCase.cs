namespace DisclosurePortal.Domain.Applications;

/// <summary>
/// 依申请公开: one application for disclosure (条例 Arts. 27–45). The state is stored; every change appends an
/// <see cref="ApplicationEvent"/>; the due date is computed on the working-day calendar and stored, recomputed
/// only when a rule says so (a supplement, a consultation, an extension).
/// </summary>
public sealed class ApplicationCase
{
    private ApplicationCase()
    {
        QueryCode = ApplicantName = Contact = InformationDescription = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>查询码: the applicant follows the case with it.</summary>
    public string QueryCode { get; private set; }
    public ApplicantKind ApplicantKind { get; private set; }

    /// <summary>申请人姓名 or the organisation's name.</summary>
    public string ApplicantName { get; private set; }

    /// <summary>身份证件号码 or 统一社会信用代码; protected at rest.</summary>
    public string? IdentityNumber { get; private set; }

    /// <summary>联系人 (for organisations).</summary>
    public string? ContactPerson { get; private set; }

    /// <summary>联系电话 / 电子邮箱.</summary>
    public string Contact { get; private set; }
    public string? PostalAddress { get; private set; }

    /// <summary>所需信息的名称、文号或者便于查询的其他特征性描述 (Art. 29).</summary>
    public string InformationDescription { get; private set; }
    public ProvisionForm ProvisionForm { get; private set; }
    public DeliveryMethod DeliveryMethod { get; private set; }
    public ApplicationChannel Channel { get; private set; }
    public ApplicationState State { get; private set; }
    public int? AssignedDepartmentId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>收到申请之日 (Art. 31); null while an online or fax application waits to be confirmed.</summary>
    public DateOnly? ReceivedOn { get; private set; }

    /// <summary>答复期限: stored, recomputed only when a rule says so.</summary>
    public DateOnly? DueOn { get; private set; }
    public bool Extended { get; private set; }
    public ReplyType? ReplyType { get; private set; }
    public DateOnly? RepliedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>信息处理费 (Art. 42, 国办函〔2020〕109号), in yuan.</summary>
    public decimal FeeAmount { get; private set; }
    public int Version { get; private set; }

    public static ApplicationCase Submit(ApplicationDetails details, string queryCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var problems = details.Problems();
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems));
        return new ApplicationCase
        {
            QueryCode = Guard.Required(queryCode, nameof(queryCode)),
            ApplicantKind = details.ApplicantKind,
            ApplicantName = details.ApplicantName.Trim(),
            IdentityNumber = Guard.Optional(details.IdentityNumber),
            ContactPerson = Guard.Optional(details.ContactPerson),
            Contact = details.Contact.Trim(),
            PostalAddress = Guard.Optional(details.PostalAddress),
            InformationDescription = details.InformationDescription.Trim(),
            ProvisionForm = details.ProvisionForm,
            DeliveryMethod = details.DeliveryMethod,
            Channel = details.Channel,
            SubmittedAt = now,
            // 条例 Art. 31: online and fax applications are received only when the office confirms receipt.
            State = details.Channel is ApplicationChannel.Online or ApplicationChannel.Fax
                ? ApplicationState.AwaitingConfirmation
                : ApplicationState.InProgress,
        };
    }
}

/// <summary>What an applicant fills in (条例 Art. 29).</summary>
public sealed record ApplicationDetails
{
    public ApplicantKind ApplicantKind { get; init; }
    public required string ApplicantName { get; init; }
    public string? IdentityNumber { get; init; }
    public string? ContactPerson { get; init; }
    public required string Contact { get; init; }
    public string? PostalAddress { get; init; }
    public required string InformationDescription { get; init; }
    public ProvisionForm ProvisionForm { get; init; } = ProvisionForm.Electronic;
    public DeliveryMethod DeliveryMethod { get; init; } = DeliveryMethod.Online;
    public ApplicationChannel Channel { get; init; } = ApplicationChannel.Online;

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (!Enum.IsDefined(ApplicantKind)) p.Add("请选择申请人类型。");
        if (string.IsNullOrWhiteSpace(ApplicantName)) p.Add("申请人姓名或名称不能为空。");
        if (string.IsNullOrWhiteSpace(Contact)) p.Add("联系方式不能为空。");
        if (string.IsNullOrWhiteSpace(InformationDescription)) p.Add("请描述所需政府信息。");
        if (!Enum.IsDefined(ProvisionForm)) p.Add("获取信息的形式无效。");
        if (!Enum.IsDefined(DeliveryMethod)) p.Add("获取信息的方式无效。");
        if (!Enum.IsDefined(Channel)) p.Add("申请渠道无效。");
        return p;
    }
}
