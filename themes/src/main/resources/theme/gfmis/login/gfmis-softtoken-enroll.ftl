<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: gfmis-softtoken-enroll.ftl -->
    <#if section = "header">
        ${msg("gfmisSoftTokenEnrollTitle")}
    <#elseif section = "form">
        <form id="gfmis-softtoken-enroll-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <#if gfmisEnrolledDevice??>
            <p id="gfmis-softtoken-enrolled">${msg("gfmisSoftTokenEnrolled")} <strong id="gfmis-softtoken-device-name">${gfmisEnrolledDevice}</strong></p>
            <@buttons.actionGroup>
                <@buttons.button id="gfmis-softtoken-continue" name="action" label="gfmisSoftTokenContinue" value="continue"/>
            </@buttons.actionGroup>
        <#else>
            <p id="gfmis-softtoken-enroll-instruction">${msg("gfmisSoftTokenEnrollInstruction")}</p>
            <p class="gfmis-softtoken-qr"><img id="gfmis-softtoken-qr" src="${gfmisQrImage}" alt="${msg("gfmisSoftTokenQrAlt")}" width="280" height="280"/></p>
            <p>${msg("gfmisSoftTokenEnrollLinkHint")} <a id="gfmis-softtoken-link" href="${gfmisActivationUri}">${msg("gfmisSoftTokenEnrollLink")}</a></p>
            <p id="gfmis-softtoken-waiting" role="status" data-answered="${msg("gfmisSoftTokenAnswered")}">${msg("gfmisSoftTokenEnrollWaiting", gfmisActivationMinutes)}</p>
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="gfmis-softtoken-check" name="action" label="gfmisSoftTokenCheck" value="check" type="secondary"/>
                <@buttons.button id="gfmis-softtoken-new-code" name="action" label="gfmisSoftTokenNewCode" value="new-code" type="secondary"/>
            </@buttons.actionGroup>
            <script>
              (function () {
                var url = "${gfmisStatusUrl?js_string}";
                var form = document.getElementById("gfmis-softtoken-enroll-form");
                var status = document.getElementById("gfmis-softtoken-waiting");
                var done = false;
                function poll() {
                  if (done) { return; }
                  fetch(url, {cache: "no-store", credentials: "omit"})
                    .then(function (r) { return r.ok ? r.json() : {ready: false}; })
                    .then(function (s) {
                      if (s.ready) {
                        done = true;
                        status.textContent = status.getAttribute("data-answered");
                        setTimeout(function () { form.submit(); }, 300);
                      } else { setTimeout(poll, 2000); }
                    })
                    .catch(function () { setTimeout(poll, 4000); });
                }
                setTimeout(poll, 2000);
              })();
            </script>
        </#if>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("gfmisSoftTokenEnrollInfo")}</span>
    </#if>
</@layout.registrationLayout>
