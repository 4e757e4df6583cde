import re, sys, requests
base = sys.argv[1]
s = requests.Session()
def token(html, action):
    m = re.search(r'<form[^>]*action="%s"[^>]*>(.*?)</form>' % re.escape(action), html, re.S)
    return re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', m.group(1)).group(1)
codes = []
people = [("张三丰", "11010519491231002X", 0), ("李四", "11010519491231002X", 0)]
for i, (name, idn, kind) in enumerate(people):
    h = s.get(base + "/apply").text
    r = s.post(base + "/apply", data={"__RequestVerificationToken": token(h, "/apply"), "ApplicantKind": str(kind or 1),
        "ApplicantName": name, "IdentityNumber": idn, "ContactPerson": "", "Contact": "1391234567%d" % i,
        "PostalAddress": "青川县乔庄镇测试路8号", "InformationDescription": "2025年乔庄镇老旧小区改造项目的立项批复（第%d份）" % i,
        "ProvisionForm": "2", "DeliveryMethod": "1", "website": ""}, allow_redirects=False)
    print(r.status_code, r.headers.get("Location"))
# staff sign-in: audit events
h = s.get(base + "/account/login").text
r = s.post(base + "/account/login", data={"__RequestVerificationToken": token(h, "/account/login"), "UserName": "reviewer", "Password": "Demo@2026pass"}, allow_redirects=False)
print("login", r.status_code, r.headers.get("Location"))
from html.parser import HTMLParser
class F(HTMLParser):
    def __init__(s, action):
        super().__init__(); s.action=action; s.inform=False; s.fields={}; s.sel=None; s.ta=None; s.opts=[]
    def handle_starttag(s, tag, a):
        a=dict(a)
        if tag=="form": s.inform = a.get("action")==s.action
        if not s.inform: return
        if tag=="input" and a.get("name"):
            t=a.get("type","text")
            if t in("radio","checkbox"):
                if "checked" in a or a["name"] not in s.fields: s.fields[a["name"]]=a.get("value","on")
            elif t!="file": s.fields[a["name"]]=a.get("value","")
        if tag=="select": s.sel=a.get("name"); s.opts=[]
        if tag=="option" and s.sel:
            if "selected" in a: s.fields[s.sel]=a.get("value","")
            elif a.get("value") and s.sel not in s.fields: s.fields[s.sel]=a.get("value")
        if tag=="textarea": s.ta=a.get("name"); s.fields[s.ta]=""
    def handle_endtag(s, tag):
        if tag=="form": s.inform=False
        if tag=="select": s.sel=None
        if tag=="textarea": s.ta=None
    def handle_data(s, d):
        if s.ta: s.fields[s.ta]+=d
def form(html, action):
    p=F(action); p.feed(html); return p.fields
e = requests.Session()
h = e.get(base + "/account/login").text
e.post(base + "/account/login", data={"__RequestVerificationToken": token(h, "/account/login"), "UserName": "editor.housing", "Password": "Demo@2026pass"})
h = e.get(base + "/manage/records/new").text
f = form(h, "/manage/records/new")
print(sorted(f.keys()))
f["Title"]="关于乔庄镇老旧小区改造的通知（升级测试）"; f["Body"]="正文：乔庄镇老旧小区改造。"
r = e.post(base + "/manage/records/new", data=f, allow_redirects=False)
print("new record", r.status_code, r.headers.get("Location"))
loc = r.headers.get("Location")
if loc:
    h = e.get(base + loc).text
    sub = re.search(r'action="(/manage/records/\d+/submit)"', h)
    if sub:
        f = form(h, sub.group(1)); r = e.post(base + sub.group(1), data=f, allow_redirects=False); print("submit", r.status_code)
