// departments: the departments of the organisation `name` (科室, 处, 中心).
// @param name entity the organisation: canonical name or alias, either script
// @columns organisation department
// @fact department <hk:department_of> organisation
g.V.apply(g, params.name).Tag("organisation").In("<hk:department_of>").Tag("department").All();
