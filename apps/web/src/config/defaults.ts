// The province a national account's dashboards show when the URL names none (the domain's rule).
export { NATIONAL_DEFAULT_REGION } from "@jindu/domain";
