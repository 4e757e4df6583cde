using DisclosurePortal.Web.Features.Shared;

namespace DisclosurePortal.Web.Features.AdminUsers;

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Role, string? Department, AccountState State);

public sealed record UserListModel(IReadOnlyList<UserRow> Rows, PagerModel Pager);

public sealed record DepartmentOption(int Id, string Name, bool IsActive);

/// <summary>What the account fields' partial needs beside the form it binds: the departments offered, and whether an account is being edited.</summary>
public sealed record StaffFieldsModel(IReadOnlyList<DepartmentOption> Departments, bool Editing);

public sealed record NewUserModel(NewUserForm Form, IReadOnlyList<DepartmentOption> Departments);

public sealed record UserEditModel(string Id, string UserName, AccountState State, bool IsSelf, EditUserForm Form, IReadOnlyList<DepartmentOption> Departments);

public sealed record ResetPasswordModel(string Id, string UserName, string DisplayName, ResetPasswordForm Form);
