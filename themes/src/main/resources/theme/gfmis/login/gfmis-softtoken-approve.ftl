<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: gfmis-softtoken-approve.ftl -->
    <#if section = "header">
        ${msg("gfmisSoftTokenApproveTitle")}
    <#elseif section = "form">
        <form id="gfmis-softtoken-approve-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p id="gfmis-softtoken-approve-instruction">${msg("gfmisSoftTokenApproveInstruction" + ((gfmisNumberMatching!"pick") == "type")?then("Type", ""), gfmisClientName)}</p>
            <#-- The number is a code to match, not a quantity: screen readers get its digits one by one
                 ("4 7", in Thai "สี่ เจ็ด"), as the phone's list must be compared digit by digit. -->
            <p class="gfmis-softtoken-number">
                <span id="gfmis-softtoken-number" aria-hidden="true">${gfmisNumber?c}</span>
                <span class="gfmis-sr-only"><#assign gfmisDigits = gfmisNumber?c><#list 0..<gfmisDigits?length as i>${gfmisDigits[i]}<#sep> </#sep></#list></span>
            </p>
            <p id="gfmis-softtoken-waiting" role="status" data-answered="${msg("gfmisSoftTokenAnswered")}">${msg("gfmisSoftTokenApproveWaiting", gfmisSecondsLeft?c)}</p>
            <@buttons.actionGroup>
                <@buttons.button id="gfmis-softtoken-check" name="action" label="gfmisSoftTokenCheck" value="check" type="secondary"/>
            </@buttons.actionGroup>
            <script>
              (function () {
                var url = "${gfmisStatusUrl?js_string}";
                var form = document.getElementById("gfmis-softtoken-approve-form");
                var status = document.getElementById("gfmis-softtoken-waiting");
                var done = false;
                function poll() {
                  if (done) { return; }
                  fetch(url, {cache: "no-store", credentials: "omit"})
                    .then(function (r) { return r.ok ? r.json() : {ready: false}; })
                    .then(function (s) {
                      if (s.ready) {
                        done = true;
                        // Said by screen readers (role=status) while the next page loads.
                        status.textContent = status.getAttribute("data-answered");
                        setTimeout(function () { form.submit(); }, 300);
                      } else { setTimeout(poll, 1500); }
                    })
                    .catch(function () { setTimeout(poll, 3000); });
                }
                setTimeout(poll, 1500);
              })();
            </script>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("gfmisSoftTokenApproveInfo")}</span>
    </#if>
</@layout.registrationLayout>
