import {
  ActionGroup,
  Alert,
  AlertActionLink,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormGroup,
  PageSection,
  TextArea,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { AlreadyDecided, type Access, type Detail } from "./api";
import { when } from "./RegistrationsQueue";
import { registrationsPath } from "./routes";
import { useRegistrationsApi } from "./useRegistrationsApi";

/** One registration: what ThaID proved beside what the holder entered, the order, the history. */
export default function RegistrationDetail() {
  const { t } = useTranslation();
  const { id, realm } = useParams();
  const navigate = useNavigate();
  const api = useRegistrationsApi();
  const [detail, setDetail] = useState<Detail>();
  const [access, setAccess] = useState<Access>();
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const [outcome, setOutcome] = useState<{ variant: "success" | "danger" | "warning"; text: string }>();

  useEffect(() => {
    // React Router keeps this component when only the id in the address changes: start afresh,
    // and ignore an answer for the request that was open before.
    let current = true;
    setDetail(undefined);
    setOutcome(undefined);
    setReason("");
    setRejecting(false);
    api.detail(id!).then(
      (d) => current && setDetail(d),
      () => current && setOutcome({ variant: "danger", text: t("gfmisLoadFailed") }),
    );
    return () => {
      current = false;
    };
  }, [api, id, t]);

  useEffect(() => {
    api.access().then(setAccess, () => setAccess({ read: false, decide: false }));
  }, [api]);

  if (!detail) return <PageSection variant="light">{outcome?.text}</PageSection>;

  const decide = async (action: () => Promise<Detail>, done: string) => {
    try {
      setDetail(await action());
      setOutcome({ variant: "success", text: done });
      setRejecting(false);
    } catch (e) {
      if (e instanceof AlreadyDecided) {
        setOutcome({ variant: "warning", text: t("gfmisAlreadyDecided", { status: t(`gfmisStatus.${e.status}`) }) });
        setDetail(await api.detail(detail.id));
      } else {
        setOutcome({ variant: "danger", text: t("gfmisDecisionFailed") });
      }
    }
  };
  const open = detail.status === "REQUEST";

  return (
    <>
      <PageSection variant="light">
        <Title headingLevel="h1" data-testid="gfmis-detail-title">
          {t("gfmisRegistration")} {detail.userId}
        </Title>
      </PageSection>
      <PageSection variant="light">
        {outcome && (
          <Alert
            isInline
            variant={outcome.variant}
            title={outcome.text}
            data-testid="gfmis-outcome"
            className="pf-v5-u-mb-md"
            actionLinks={
              // Decided by someone else: back to the queue, which loads afresh without it.
              outcome.variant === "warning" && (
                <AlertActionLink id="gfmis-back-to-queue" onClick={() => navigate(registrationsPath(realm!))}>
                  {t("gfmisBackToQueue")}
                </AlertActionLink>
              )
            }
          />
        )}
        <DescriptionList isHorizontal data-testid="gfmis-detail" data-registration-id={detail.id}>
          <Item term={t("gfmisUserId")} value={detail.userId} />
          <Item term={t("gfmisKind")} value={t(`gfmisKind.${detail.kind}`)} />
          <Item term={t("gfmisStatusColumn")} value={t(`gfmisStatus.${detail.status}`)} id="gfmis-detail-status" />
          {detail.statusReason && <Item term={t("gfmisReason")} value={detail.statusReason} />}
          <Item term={t("gfmisProvenNameTh")} value={detail.provenNameTh} id="gfmis-proven-th" />
          <Item term={t("gfmisProvenNameEn")} value={detail.provenNameEn ?? ""} id="gfmis-proven-en" />
          <Item term={t("gfmisIal")} value={detail.ial} />
          <Item term={t("gfmisCidLastFour")} value={detail.cidLastFour} />
          <Item term={t("gfmisEnteredEmail")} value={detail.email ?? ""} />
          <Item term={t("gfmisSubmittedAt")} value={when(detail.submittedAt ?? detail.createdAt)} />
          {detail.kind === "HOLDER_CHANGE" && (
            <Item term={t("gfmisCurrentHolder")} value={detail.currentHolderName ?? ""} id="gfmis-current-holder" />
          )}
        </DescriptionList>
      </PageSection>
      <PageSection variant="light">
        <Title headingLevel="h2">{t("gfmisOrder")}</Title>
        {detail.order ? (
          <OrderView id={detail.id} filename={detail.order.filename} />
        ) : (
          <p>{t("gfmisNoOrder")}</p>
        )}
      </PageSection>
      {access?.decide && open && (
        <PageSection variant="light">
          <Form onSubmit={(e) => e.preventDefault()}>
            {rejecting && (
              <FormGroup label={t("gfmisRejectReason")} isRequired fieldId="gfmis-reason">
                <TextArea
                  id="gfmis-reason"
                  isRequired
                  value={reason}
                  onChange={(_e, v) => setReason(v)}
                />
              </FormGroup>
            )}
            <ActionGroup>
              {!rejecting && (
                <Button
                  id="gfmis-approve"
                  onClick={() => decide(() => api.approve(detail.id, detail.version), t("gfmisApproved"))}
                >
                  {t("gfmisApprove")}
                </Button>
              )}
              {rejecting ? (
                <Button
                  id="gfmis-reject-confirm"
                  variant="danger"
                  isDisabled={!reason.trim()}
                  onClick={() =>
                    decide(() => api.reject(detail.id, detail.version, reason.trim()), t("gfmisRejected"))
                  }
                >
                  {t("gfmisRejectConfirm")}
                </Button>
              ) : (
                <Button id="gfmis-reject" variant="secondary" onClick={() => setRejecting(true)}>
                  {t("gfmisReject")}
                </Button>
              )}
            </ActionGroup>
          </Form>
        </PageSection>
      )}
      <PageSection variant="light">
        <Title headingLevel="h2">{t("gfmisHistory")}</Title>
        <Table aria-label={t("gfmisHistory")} variant="compact" data-testid="gfmis-history">
          <Thead>
            <Tr>
              <Th>{t("gfmisWhen")}</Th>
              <Th>{t("gfmisStatusColumn")}</Th>
              <Th>{t("gfmisActor")}</Th>
              <Th>{t("gfmisReason")}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {detail.history.map((h, i) => (
              <Tr key={i}>
                <Td>{when(h.at)}</Td>
                <Td>{t(`gfmisStatus.${h.status}`)}</Td>
                <Td>{h.actorUsername ?? t(`gfmisActor.${h.actor}`)}</Td>
                <Td>{h.reason ?? ""}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </PageSection>
    </>
  );
}

const Item = ({ term, value, id }: { term: string; value: string; id?: string }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription id={id}>{value}</DescriptionListDescription>
  </DescriptionListGroup>
);

/**
 * The order inline: fetched with the console's token (the file endpoint needs it) into a Blob of an
 * allowed type only; a PDF goes to the browser's viewer, an image into an img element. Neither
 * can run script in the console's origin.
 */
const OrderView = ({ id, filename }: { id: string; filename: string }) => {
  const { t } = useTranslation();
  const api = useRegistrationsApi();
  const [file, setFile] = useState<{ url: string; type: string } | null>();

  useEffect(() => {
    let url: string | undefined;
    api.order(id).then(
      (blob) => {
        if (!blob) return setFile(null);
        url = URL.createObjectURL(blob);
        setFile({ url, type: blob.type });
      },
      () => setFile(null),
    );
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, id]);

  if (file === undefined) return null;
  if (file === null) return <p>{t("gfmisOrderNotShown")}</p>;
  return file.type === "application/pdf" ? (
    <iframe
      id="gfmis-order-pdf"
      title={`${t("gfmisOrder")}: ${filename}`}
      src={file.url}
      style={{ width: "100%", height: "70vh", border: "1px solid #d2d2d2" }}
    />
  ) : (
    <img id="gfmis-order-image" src={file.url} alt={`${t("gfmisOrder")}: ${filename}`} style={{ maxWidth: "100%" }} />
  );
};
