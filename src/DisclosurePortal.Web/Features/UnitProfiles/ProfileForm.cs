using DisclosurePortal.Domain.Units;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;

namespace DisclosurePortal.Web.Features.UnitProfiles;

/// <summary>
/// A unit's 机构概况 as typed. The 内设机构 and the leaders are rows of fixed slots (no script needed to add one): the
/// filled ones, then a few empty ones; empty rows are ignored.
/// </summary>
public sealed class ProfileForm
{
    /// <summary>Empty rows offered after the filled ones.</summary>
    public const int SpareRows = 3;

    /// <summary>The optimistic-concurrency version of the draft the editor opened (null for a new draft).</summary>
    public int? Version { get; set; }

    [MultiLine]
    public string? Functions { get; set; }
    public string? Address { get; set; }
    public string? OfficeHours { get; set; }
    public string? Phone { get; set; }
    public string? ComplaintPhone { get; set; }
    public string? Email { get; set; }
    public List<OfficeRow> Offices { get; set; } = [];
    public List<LeaderRow> Leaders { get; set; } = [];

    public ProfileForm WithSlots()
    {
        for (var spare = 0; spare < SpareRows && Offices.Count < UnitProfile.MaxOffices; spare++) Offices.Add(new OfficeRow());
        for (var spare = 0; spare < SpareRows && Leaders.Count < UnitProfile.MaxLeaders; spare++) Leaders.Add(new LeaderRow());
        return this;
    }

    /// <summary>The filled rows only (a re-rendered form keeps what was typed, then offers the spare rows again).</summary>
    public ProfileForm Compacted()
    {
        Offices = Offices.Where(o => !o.IsEmpty).ToList();
        Leaders = Leaders.Where(l => !l.IsEmpty).ToList();
        return WithSlots();
    }

    /// <summary>The draft as typed; <paramref name="newPhotos"/> maps a leader row's index to the photo uploaded for it.</summary>
    public ProfileDraft ToDraft(IReadOnlyDictionary<int, int>? newPhotos = null) => new()
    {
        Functions = Functions ?? "",
        Address = Address,
        OfficeHours = OfficeHours,
        Phone = Phone,
        ComplaintPhone = ComplaintPhone,
        Email = Email,
        Offices = Offices.Where(o => !o.IsEmpty).Select(o => new OfficeDraft(o.Name ?? "", o.Duties, o.Phone)).ToList(),
        Leaders = Leaders.Select((l, i) => (l, i)).Where(x => !x.l.IsEmpty)
            .Select(x => new LeaderDraft(x.l.Name ?? "", x.l.Post ?? "", x.l.Duties, newPhotos?.GetValueOrDefault(x.i) is { } added and not 0 ? added : x.l.KeptPhotoId)).ToList(),
    };

    public static ProfileForm From(ProfileDraft d, int? version) => new ProfileForm
    {
        Version = version,
        Functions = d.Functions,
        Address = d.Address,
        OfficeHours = d.OfficeHours,
        Phone = d.Phone,
        ComplaintPhone = d.ComplaintPhone,
        Email = d.Email,
        Offices = d.Offices.Select(o => new OfficeRow { Name = o.Name, Duties = o.Duties, Phone = o.Phone }).ToList(),
        Leaders = d.Leaders.Select(l => new LeaderRow { Name = l.Name, Post = l.Post, Duties = l.Duties, PhotoId = l.PhotoId }).ToList(),
    }.WithSlots();
}

/// <summary>One 内设机构 row.</summary>
public sealed class OfficeRow
{
    public string? Name { get; set; }
    [MultiLine]
    public string? Duties { get; set; }
    public string? Phone { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Duties) && string.IsNullOrWhiteSpace(Phone);
}

/// <summary>
/// One leader row: name, post, 分工, and the optional photo: the one the version has (<see cref="PhotoId"/>, kept unless
/// <see cref="RemovePhoto"/> is ticked or a new file is chosen) and a new file (<see cref="Photo"/>).
/// </summary>
public sealed class LeaderRow
{
    public string? Name { get; set; }
    public string? Post { get; set; }
    [MultiLine]
    public string? Duties { get; set; }
    /// <summary>The photo this row has in the version being edited (a hidden field; the handler checks it is the unit's own).</summary>
    public int? PhotoId { get; set; }
    /// <summary>删除照片.</summary>
    public bool RemovePhoto { get; set; }
    /// <summary>A new photo (JPG or PNG), replacing the one the row has.</summary>
    public IFormFile? Photo { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Post) && string.IsNullOrWhiteSpace(Duties) && Photo is null;

    /// <summary>The photo the row keeps when no new file is chosen.</summary>
    public int? KeptPhotoId => RemovePhoto ? null : PhotoId;
}

public sealed class ProfileFormValidator : AbstractValidator<ProfileForm>
{
    public const int FunctionsLength = 20_000;
    public const int DutiesLength = 2000;
    /// <summary>Digits, spaces, hyphens, parentheses and a leading plus: 0839-1234567, (0839) 1234567, 12345.</summary>
    public const string PhonePattern = @"^\+?[0-9()\- ]{3,30}$";

    public ProfileFormValidator()
    {
        RuleFor(x => x.Functions).NotEmpty().WithMessage("请填写机构职能。").MaximumLength(FunctionsLength).WithMessage("机构职能不能超过20000个字。");
        RuleFor(x => x.Address).MaximumLength(300).WithMessage("办公地址不能超过300个字。");
        RuleFor(x => x.OfficeHours).MaximumLength(200).WithMessage("办公时间不能超过200个字。");
        RuleFor(x => x.Phone).Matches(PhonePattern).When(x => !string.IsNullOrWhiteSpace(x.Phone)).WithMessage("请填写有效的电话号码，例如 0839-7202001。");
        RuleFor(x => x.ComplaintPhone).Matches(PhonePattern).When(x => !string.IsNullOrWhiteSpace(x.ComplaintPhone)).WithMessage("请填写有效的电话号码，例如 0839-7202001。");
        RuleFor(x => x.Email).MaximumLength(200).WithMessage("电子邮箱不能超过200个字。")
            .Matches(@"^[^@\s]+@[^@\s]+\.[^@\s]+$").When(f => !string.IsNullOrWhiteSpace(f.Email)).WithMessage("请填写有效的电子邮箱。");
        RuleFor(x => x.Offices).Must(o => o.Count(r => !r.IsEmpty) <= UnitProfile.MaxOffices).WithMessage("内设机构最多30个。")
            .Must(o => o.Count <= UnitProfile.MaxOffices + ProfileForm.SpareRows * 10).WithMessage("内设机构最多30个。");
        RuleFor(x => x.Leaders).Must(l => l.Count(r => !r.IsEmpty) <= UnitProfile.MaxLeaders).WithMessage("领导最多15人。")
            .Must(l => l.Count <= UnitProfile.MaxLeaders + ProfileForm.SpareRows * 10).WithMessage("领导最多15人。");
        RuleForEach(x => x.Offices).ChildRules(o =>
        {
            o.RuleFor(x => x.Name).NotEmpty().When(x => !x.IsEmpty).WithMessage("请填写内设机构名称。")
                .MaximumLength(100).WithMessage("名称不能超过100个字。");
            o.RuleFor(x => x.Duties).MaximumLength(DutiesLength).WithMessage("职责不能超过2000个字。");
            o.RuleFor(x => x.Phone).Matches(PhonePattern).When(x => !string.IsNullOrWhiteSpace(x.Phone)).WithMessage("请填写有效的电话号码，例如 0839-7202001。");
        });
        RuleForEach(x => x.Leaders).ChildRules(l =>
        {
            l.RuleFor(x => x.Name).NotEmpty().When(x => !x.IsEmpty).WithMessage("请填写领导姓名。")
                .MaximumLength(50).WithMessage("姓名不能超过50个字。");
            l.RuleFor(x => x.Post).NotEmpty().When(x => !x.IsEmpty).WithMessage("请填写职务。")
                .MaximumLength(100).WithMessage("职务不能超过100个字。");
            l.RuleFor(x => x.Duties).MaximumLength(DutiesLength).WithMessage("分工不能超过2000个字。");
        });
    }
}
