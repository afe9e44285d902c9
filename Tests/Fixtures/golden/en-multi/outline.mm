<map version="1.0.1">
  <node ID="node-1" TEXT="A new user sets up Acme">
    <node ID="node-2" TEXT="Sign-up" POSITION="right">
      <node ID="node-3" TEXT="Goal" FOLDED="true">
        <node ID="node-4" TEXT="Create an account in under a minute."/>
      </node>
      <node ID="node-5" TEXT="Actions" FOLDED="true">
        <node ID="node-6" TEXT="Opens the landing page"/>
        <node ID="node-7" TEXT="Fills in the form"/>
      </node>
      <node ID="node-8" TEXT="Emotions" FOLDED="true">
        <node ID="node-9" TEXT="+1 Curious: the promise sounds good"/>
        <node ID="node-10" TEXT="−1 Annoyed: the form asks for a phone number"/>
        <node ID="node-11" TEXT="+2 Relieved: the welcome e-mail arrives"/>
      </node>
      <node ID="node-12" TEXT="Metrics" FOLDED="true">
        <node ID="node-13" TEXT="Conversion: 62.5%"/>
        <node ID="node-14" TEXT="NPS: 10"/>
        <node ID="node-15" TEXT="Duration: 3 minutes"/>
      </node>
    </node>
    <node ID="node-16" TEXT="First project" POSITION="left">
      <node ID="node-17" TEXT="Goal" FOLDED="true">
        <node ID="node-18" TEXT="Import the first data."/>
      </node>
      <node ID="node-19" TEXT="Actions" FOLDED="true">
        <node ID="node-20" TEXT="Uploads a CSV file"/>
      </node>
      <node ID="node-21" TEXT="Emotions" FOLDED="true">
        <node ID="node-22" TEXT="−2 Lost: the importer rejects the file"/>
        <node ID="node-23" TEXT="+0.5 Hopeful: support answers in chat"/>
      </node>
      <node ID="node-24" TEXT="Metrics" FOLDED="true">
        <node ID="node-25" TEXT="Conversion: 40–50%"/>
        <node ID="node-26" TEXT="Duration: 1–2 days"/>
      </node>
    </node>
    <node ID="node-27" TEXT="Invite the team" POSITION="right">
      <node ID="node-28" TEXT="Goal" FOLDED="true">
        <node ID="node-29" TEXT="Bring colleagues in."/>
      </node>
      <node ID="node-30" TEXT="Actions" FOLDED="true">
        <node ID="node-31" TEXT="Sends invitations"/>
      </node>
      <node ID="node-32" TEXT="Emotions" FOLDED="true">
        <node ID="node-33" TEXT="+1 Proud"/>
        <node ID="node-34" TEXT="0"/>
        <node ID="node-35" TEXT="−1 Worried about the price"/>
        <node ID="node-36" TEXT="+2 Colleagues join"/>
      </node>
      <node ID="node-37" TEXT="Metrics" FOLDED="true">
        <node ID="node-38" TEXT="Conversion: 30% (target 35%)"/>
        <node ID="node-39" TEXT="NPS: −15"/>
        <node ID="node-40" TEXT="CSAT: 71%"/>
      </node>
    </node>
  </node>
</map>
