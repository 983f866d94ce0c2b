import {
  Button,
  Checkbox,
  Label,
  LabelGroup,
  PageSection,
  Pagination,
  SearchInput,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  ToggleGroup,
  ToggleGroupItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { STATUSES, type Counts, type Filter, type Page, type Status } from "./api";
import { registrationsPath } from "./routes";
import { useRegistrationsApi } from "./useRegistrationsApi";

const EMPTY: Filter = {
  statuses: ["REQUEST"],
  holderChange: false,
  userIdPrefix: "",
  submittedFrom: "",
  submittedBefore: "",
  q: "",
};

/** The queue: counts per status, filters and search, one server-side page at a time. */
export default function RegistrationsQueue() {
  const { t } = useTranslation();
  const { realm } = useParams();
  const api = useRegistrationsApi();
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [pageIndex, setPageIndex] = useState(0);
  // Where each page visited so far starts (the previous page's `next`): paging seeks, not skips.
  const [afters, setAfters] = useState<(string | undefined)[]>([undefined]);
  const [max, setMax] = useState(20);
  const after = afters[pageIndex];
  const [page, setPage] = useState<Page>();
  const [counts, setCounts] = useState<Counts>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    api.counts().then(setCounts, () => setFailed(true));
  }, [api]);

  useEffect(() => {
    let current = true;
    api.list(filter, max, after, after ? 0 : pageIndex * max).then(
      (p) => current && setPage(p),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [api, filter, pageIndex, after, max]);

  const fromStart = () => {
    setPageIndex(0);
    setAfters([undefined]);
  };
  const change = (next: Partial<Filter>) => {
    fromStart();
    setFilter({ ...filter, ...next });
  };
  const goTo = (index: number) => {
    if (index === pageIndex + 1 && page?.next) {
      const known = afters.slice(0, index);
      known[index] = page.next;
      setAfters(known);
    }
    setPageIndex(index);
  };
  const shownTo = pageIndex * max + (page?.items.length ?? 0);
  // Beyond the counted 10,000 the pager still offers a next page as long as there is one.
  const itemCount = page
    ? page.totalExact
      ? page.total
      : Math.max(page.total, shownTo + (page.next ? 1 : 0))
    : 0;
  const toggle = (status: Status) =>
    change({
      statuses: filter.statuses.includes(status)
        ? filter.statuses.filter((s) => s !== status)
        : [...filter.statuses, status],
    });

  return (
    <>
      <PageSection variant="light">
        <Title headingLevel="h1" data-testid="gfmis-queue-title">
          {t("gfmisRegistrations")}
        </Title>
        {counts && (
          <LabelGroup className="pf-v5-u-mt-sm" numLabels={5} data-testid="gfmis-counts">
            {STATUSES.map((s) => (
              <Label key={s} data-testid={`gfmis-count-${s}`} color={s === "REQUEST" ? "blue" : "grey"}>
                {t(`gfmisStatus.${s}`)}: {counts[s]}
              </Label>
            ))}
            <Label data-testid="gfmis-count-holderChanges" color="orange">
              {t("gfmisHolderChanges")}: {counts.holderChanges}
            </Label>
          </LabelGroup>
        )}
      </PageSection>
      <PageSection variant="light" padding={{ default: "noPadding" }}>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <ToggleGroup aria-label={t("gfmisStatusFilter")}>
                {STATUSES.map((s) => (
                  <ToggleGroupItem
                    key={s}
                    text={t(`gfmisStatus.${s}`)}
                    buttonId={`gfmis-status-${s}`}
                    isSelected={filter.statuses.includes(s)}
                    onChange={() => toggle(s)}
                  />
                ))}
              </ToggleGroup>
            </ToolbarItem>
            <ToolbarItem>
              <Checkbox
                id="gfmis-holder-change"
                label={t("gfmisHolderChangeOnly")}
                isChecked={filter.holderChange}
                onChange={(_e, checked) => change({ holderChange: checked })}
              />
            </ToolbarItem>
            <ToolbarItem>
              <TextInput
                id="gfmis-user-prefix"
                aria-label={t("gfmisUserIdPrefix")}
                placeholder={t("gfmisUserIdPrefix")}
                value={filter.userIdPrefix}
                onChange={(_e, v) => change({ userIdPrefix: v })}
              />
            </ToolbarItem>
            <ToolbarItem>
              <TextInput
                id="gfmis-submitted-from"
                type="date"
                aria-label={t("gfmisSubmittedFrom")}
                title={t("gfmisSubmittedFrom")}
                value={filter.submittedFrom}
                onChange={(_e, v) => change({ submittedFrom: v })}
              />
            </ToolbarItem>
            <ToolbarItem>
              <TextInput
                id="gfmis-submitted-to"
                type="date"
                aria-label={t("gfmisSubmittedTo")}
                title={t("gfmisSubmittedTo")}
                value={filter.submittedBefore}
                onChange={(_e, v) => change({ submittedBefore: v })}
              />
            </ToolbarItem>
            <ToolbarItem>
              <SearchInput
                id="gfmis-search"
                aria-label={t("gfmisSearch")}
                placeholder={t("gfmisSearch")}
                value={filter.q}
                onChange={(_e, v) => change({ q: v })}
                onClear={() => change({ q: "" })}
              />
            </ToolbarItem>
            <ToolbarItem>
              <Button variant="link" onClick={() => change(EMPTY)}>
                {t("gfmisClearFilters")}
              </Button>
            </ToolbarItem>
            <ToolbarItem variant="pagination" align={{ default: "alignRight" }}>
              <Pagination
                itemCount={itemCount}
                perPage={max}
                page={pageIndex + 1}
                onSetPage={(_e, p) => goTo(p - 1)}
                onPerPageSelect={(_e, m) => {
                  setMax(m);
                  fromStart();
                }}
                toggleTemplate={({ firstIndex, lastIndex, ofWord }) => (
                  <>
                    <b>
                      {firstIndex} - {lastIndex}
                    </b>{" "}
                    {ofWord}{" "}
                    <b data-testid="gfmis-total">
                      {(page?.total ?? 0).toLocaleString()}
                      {page && !page.totalExact ? "+" : ""}
                    </b>
                  </>
                )}
                isCompact
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        {failed && <p role="alert">{t("gfmisLoadFailed")}</p>}
        <Table aria-label={t("gfmisRegistrations")} data-testid="gfmis-queue" variant="compact">
          <Thead>
            <Tr>
              <Th>{t("gfmisUserId")}</Th>
              <Th>{t("gfmisKind")}</Th>
              <Th>{t("gfmisStatusColumn")}</Th>
              <Th>{t("gfmisProvenName")}</Th>
              <Th>{t("gfmisCidLastFour")}</Th>
              <Th>{t("gfmisSubmittedAt")}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {page?.items.map((r) => (
              <Tr key={r.id} data-testid="gfmis-queue-row">
                <Td dataLabel={t("gfmisUserId")}>
                  <Link to={`${registrationsPath(realm!)}/${encodeURIComponent(r.id)}`}>{r.userId}</Link>
                </Td>
                <Td dataLabel={t("gfmisKind")}>{t(`gfmisKind.${r.kind}`)}</Td>
                <Td dataLabel={t("gfmisStatusColumn")}>{t(`gfmisStatus.${r.status}`)}</Td>
                <Td dataLabel={t("gfmisProvenName")}>{r.provenNameTh}</Td>
                <Td dataLabel={t("gfmisCidLastFour")}>{r.cidLastFour}</Td>
                <Td dataLabel={t("gfmisSubmittedAt")}>{when(r.submittedAt ?? r.createdAt)}</Td>
              </Tr>
            ))}
            {page && page.items.length === 0 && (
              <Tr data-testid="gfmis-queue-empty">
                <Td colSpan={6}>{t("gfmisNoRegistrations")}</Td>
              </Tr>
            )}
          </Tbody>
        </Table>
      </PageSection>
    </>
  );
}

export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "");
