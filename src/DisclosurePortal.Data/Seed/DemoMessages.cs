using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Participation;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// A few 网上信箱 messages in the states the office and the public see (answered and published, being handled, awaiting
/// triage, held for moderation, declined), dated back from today, and the starting 敏感词 list.
/// </summary>
internal sealed class DemoMessages(WriterContacts contacts, WorkingCalendar calendar, DateOnly today, IReadOnlyDictionary<string, (int Id, string Name)> departments)
{
    private const string Office = "县政务公开办";
    private static readonly MessageDeadlines Deadlines = MessageDeadlines.Default;

    public static IEnumerable<string> StartingWords => ["赌博", "办证", "代开发票", "枪支"];

    public IEnumerable<Message> Create()
    {
        var n = 0;
        Message Write(MessageKind kind, string subject, string body, string name, string phone, bool consent, int daysAgo, string? department = null, params string[] held)
        {
            var on = today.AddDays(-daysAgo);
            var at = ChinaTime.At(on, new TimeOnly(9, 0)).AddMinutes(n);
            var code = "DEMQ" + (++n).ToString("0000", System.Globalization.CultureInfo.InvariantCulture).Replace('0', 'Z').Replace('1', 'Y');
            return Message.Write(new MessageDetails
            {
                Kind = kind, Subject = subject, Body = body,
                AddressedDepartmentId = department is null ? null : departments[department].Id,
                ProtectedName = contacts.Protect(name)!, ProtectedPhone = contacts.Protect(phone), PublicationConsent = consent,
            }, code + "ABCD", at, on, held, Deadlines, calendar);
        }

        DateTimeOffset At(DateOnly d) => ChinaTime.At(d, new TimeOnly(15, 0));

        Message Answered(MessageKind kind, string subject, string body, string department, string reply, int daysAgo, bool consent = true)
        {
            var m = Write(kind, subject, body, "王" + "小明", "13800000000", consent, daysAgo);
            var accepted = calendar.AddWorkingDays(m.WrittenOn, 1);
            m.Accept(Office, departments[department].Id, At(accepted), accepted, Deadlines, calendar, departments[department].Name);
            var answered = calendar.AddWorkingDays(accepted, 3);
            m.DraftReply(departments[department].Name, departments[department].Id, reply, At(answered));
            m.ApproveReply(Office, At(answered), answered);
            if (consent) m.SetPublished(true, Office, At(answered));
            return m;
        }

        yield return Answered(MessageKind.Suggestion, "建议在青川中学门口增设公交站点",
            "青川中学门口没有公交站，学生上下学要走一公里到汽车站，雨天很不安全。建议在学校门口增设一个公交站点。",
            "development", "您好！您反映的问题已转县发展改革局会同交通运输部门研究。经现场查看，青川中学门口具备设站条件，已列入2027年城乡公交线路优化方案，预计2027年3月前完成站点建设。感谢您的关注！", 40);
        yield return Answered(MessageKind.Consultation, "城乡居民养老保险缴费档次如何调整",
            "我今年想提高城乡居民养老保险的缴费档次，请问在哪里办理，什么时候可以调整？",
            "hrss", "您好！城乡居民养老保险每年可调整一次缴费档次，可在每年1月至12月缴费前到户籍所在地乡镇便民服务中心或通过“四川e社保”APP办理。咨询电话：0839-7202000。", 25);
        yield return Answered(MessageKind.Complaint, "夜间施工噪声扰民",
            "城南新区某工地连续一周晚上11点以后还在施工，噪声很大，影响休息。",
            "housing", "您好！经县住房城乡建设局现场核查，该工地确有夜间违规施工行为，已责令立即整改并依法处理。如再发现类似情况，可拨打12345热线反映。", 15);
        yield return Answered(MessageKind.HelpRequest, "低保申请需要哪些材料", "家里老人生病，想申请低保，需要准备哪些材料？",
            "civil-affairs", "您好！申请最低生活保障需提供户口簿、身份证、家庭收入及财产情况说明等材料，向户籍所在地乡镇人民政府（街道办事处）提出申请。", 10, consent: false);

        var handling = Write(MessageKind.Suggestion, "建议增加城区公共停车位", "县城中心区停车难，建议利用闲置地块建设公共停车场。", "李华", "13900000000", true, 3);
        var acceptedOn = calendar.AddWorkingDays(handling.WrittenOn, 1);
        handling.Accept(Office, departments["housing"].Id, At(acceptedOn), acceptedOn, Deadlines, calendar, departments["housing"].Name);
        yield return handling;

        yield return Write(MessageKind.Consultation, "义务教育阶段入学报名时间", "请问今年小学一年级入学报名是什么时间，需要带哪些材料？", "赵敏", "13700000000", true, 1, "education");
        yield return Write(MessageKind.Other, "有人在小区内组织赌博", "我们小区地下室经常有人聚集赌博，希望有关部门处理。", "匿名", "13600000000", false, 0, null, "赌博");

        var declined = Write(MessageKind.Other, "申请公开2025年县道改造项目合同", "请提供2025年县道改造项目的施工合同全文。", "陈刚", "13500000000", false, 8);
        declined.Decline(Office, DeclineReason.DisclosureApplication, "请通过依申请公开渠道提出，我们将依法答复。", At(declined.AcceptDueOn), declined.AcceptDueOn);
        yield return declined;
    }
}
